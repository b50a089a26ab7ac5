/**
 * The generated clients under real `tsc --strict`: every file the renderer
 * writes for the specs in spec/ (and for the hand-written specs of
 * test/client/specs, hostile names included), a typed sample and the type
 * tests, in one program, with no diagnostic. (The manual's examples are
 * compiled against the committed clients by test/docs/examples.test.ts.) The clients
 * are imported as `pco-codegen/<app>`, through the package's own exports map.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTree } from "../../generator/emit.js";
import { clientRenderer } from "../../generator/render/client/renderer.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { STRICT_TSC_OPTIONS } from "../helpers/strict-tsc.js";
import { GROUPS_REJECTIONS, GROUPS_SAMPLE, PEOPLE_REJECTIONS, PEOPLE_SAMPLE, rejectionsProgram } from "./programs.js";

/** Each app's calls the types must refuse. */
const REJECTIONS = [
  { app: "people", rejections: PEOPLE_REJECTIONS },
  { app: "groups", rejections: GROUPS_REJECTIONS },
] as const;

let dir: string;
let generated: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-clients-"));
  const specs = [
    ...(await loadSpecs(path.join(REPO_ROOT, "spec"))).value,
    ...(await loadSpecs(path.join(REPO_ROOT, "test/client/specs"))).value,
  ];
  const rendered = await clientRenderer.render(specs);
  await writeTree({ root: path.join(dir, "generated"), files: rendered.value, owns: () => true });
  generated = rendered.value.map((f) => path.join(dir, "generated", f.path));

  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { name: string; exports: unknown };
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: manifest.name, type: "module", exports: manifest.exports }));
  await mkdir(path.join(dir, "programs"));
  await Promise.all([
    writeFile(path.join(dir, "programs/sample.ts"), PEOPLE_SAMPLE),
    writeFile(path.join(dir, "programs/groups-sample.ts"), GROUPS_SAMPLE),
    ...REJECTIONS.map(({ app, rejections }) =>
      writeFile(path.join(dir, `programs/rejected-${app}.ts`), rejectionsProgram(true, app, rejections).text),
    ),
  ]);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const shown = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.map((d) => {
    const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });

describe("tsc --strict", () => {
  test("every generated file, the sample and the type tests compile as one program", () => {
    const programs = ["sample.ts", "groups-sample.ts", ...REJECTIONS.map(({ app }) => `rejected-${app}.ts`)].map((f) =>
      path.join(dir, "programs", f),
    );
    const program = ts.createProgram([...generated.filter((f) => f.endsWith(".ts")), ...programs], STRICT_TSC_OPTIONS);

    expect(shown(ts.getPreEmitDiagnostics(program))).toEqual([]);
    // The exports map resolved `pco-codegen/<app>` to the rendered clients, and nothing else was compiled.
    const compiled = program
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter((f) => !program.isSourceFileDefaultLibrary(program.getSourceFile(f)!));
    expect(compiled.sort()).toEqual([...generated, ...programs].filter((f) => f.endsWith(".ts")).sort());
  });

  test.each(REJECTIONS)("each rejected call to the $app client fails for the reason it states", async ({ app, rejections }) => {
    const { text, lines } = rejectionsProgram(false, app, rejections);
    const file = path.join(dir, `programs/rejected-${app}-bare.ts`);
    await writeFile(file, text);
    const program = ts.createProgram([file], STRICT_TSC_OPTIONS);
    const source = program.getSourceFile(file)!;
    const errors = ts.getPreEmitDiagnostics(program, source);
    const byLine = (line: number) =>
      errors
        .filter((d) => source.getLineAndCharacterOfPosition(d.start ?? 0).line === line)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));

    expect(errors.every((d) => lines.includes(source.getLineAndCharacterOfPosition(d.start ?? 0).line))).toBe(true);
    for (const [i, rejection] of rejections.entries()) {
      const messages = byLine(lines[i]!);
      expect(messages, rejection.because).not.toEqual([]);
      expect(messages.join("\n"), rejection.because).toMatch(rejection.error);
    }
  });
});

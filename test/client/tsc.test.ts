/**
 * The generated clients under real `tsc --strict`: every file the renderer
 * writes for the specs in spec/ (and for the hand-written specs of
 * test/client/specs, hostile names included), the README's examples, a typed
 * sample and the type tests, in one program, with no diagnostic. The clients
 * are imported as `pco-codegen/<app>`, through the package's own exports map.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import remarkParse from "remark-parse";
import ts from "typescript";
import { unified } from "unified";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTree } from "../../generator/emit.js";
import { clientRenderer } from "../../generator/render/client/renderer.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { STRICT_TSC_OPTIONS } from "../helpers/strict-tsc.js";
import { PEOPLE_REJECTIONS, PEOPLE_SAMPLE, rejectionsProgram } from "./programs.js";


let dir: string;
let generated: string[];

/** The `ts` examples of the README's "Typed clients" section (up to the next section of its level). */
async function readmeExamples(): Promise<string[]> {
  const tree = unified().use(remarkParse).parse(await readFile(path.join(REPO_ROOT, "README.md"), "utf8"));
  const text = (node: (typeof tree.children)[number]) => ("children" in node ? node.children.map((c) => ("value" in c ? c.value : "")).join("") : "");
  const start = tree.children.findIndex((node) => node.type === "heading" && node.depth === 2 && text(node) === "Typed clients");
  const end = tree.children.findIndex((node, i) => i > start && node.type === "heading" && node.depth <= 2);
  return tree.children.slice(start, end === -1 ? undefined : end).flatMap((node) => (node.type === "code" && node.lang === "ts" ? [node.value] : []));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-clients-"));
  const specs = [...(await loadSpecs(path.join(REPO_ROOT, "spec"))).value, ...(await loadSpecs(path.join(REPO_ROOT, "test/client/specs"))).value];
  const rendered = await clientRenderer.render(specs);
  await writeTree({ root: path.join(dir, "generated"), files: rendered.value, owns: () => true });
  generated = rendered.value.map((f) => path.join(dir, "generated", f.path));

  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { name: string; exports: unknown };
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: manifest.name, type: "module", exports: manifest.exports }));
  await mkdir(path.join(dir, "programs"));
  const examples = await readmeExamples();
  await Promise.all([
    writeFile(path.join(dir, "programs/sample.ts"), PEOPLE_SAMPLE),
    writeFile(path.join(dir, "programs/rejected.ts"), rejectionsProgram(true).text),
    ...examples.map((text, i) => writeFile(path.join(dir, `programs/readme-${i + 1}.ts`), text)),
  ]);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const shown = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.map((d) => {
    const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });

describe("tsc --strict", () => {
  test("every generated file, the README examples, the sample and the type tests compile as one program", async () => {
    const programs = ["sample.ts", "rejected.ts", ...(await readmeExamples()).map((_, i) => `readme-${i + 1}.ts`)].map((f) => path.join(dir, "programs", f));
    const program = ts.createProgram([...generated.filter((f) => f.endsWith(".ts")), ...programs], STRICT_TSC_OPTIONS);

    expect(shown(ts.getPreEmitDiagnostics(program))).toEqual([]);
    // The exports map resolved `pco-codegen/<app>` to the rendered clients, and nothing else was compiled.
    const compiled = program.getSourceFiles().map((f) => f.fileName).filter((f) => !program.isSourceFileDefaultLibrary(program.getSourceFile(f)!));
    expect(compiled.sort()).toEqual([...generated, ...programs].filter((f) => f.endsWith(".ts")).sort());
    // One example per app in spec/, each importing its app.
    const apps = (await loadSpecs(path.join(REPO_ROOT, "spec"))).value.map((s) => s.app);
    const imported = new Set((await readmeExamples()).flatMap((text) => [...text.matchAll(/from "pco-codegen\/([\w-]+)"/g)].map((m) => m[1])));
    expect([...new Set(apps)].filter((app) => !imported.has(app))).toEqual([]);
  });

  test("each rejected call fails for the reason it states", async () => {
    const { text, lines } = rejectionsProgram(false);
    const file = path.join(dir, "programs/rejected-bare.ts");
    await writeFile(file, text);
    const program = ts.createProgram([file], STRICT_TSC_OPTIONS);
    const source = program.getSourceFile(file)!;
    const errors = ts.getPreEmitDiagnostics(program, source);
    const byLine = (line: number) =>
      errors.filter((d) => source.getLineAndCharacterOfPosition(d.start ?? 0).line === line).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));

    expect(errors.every((d) => lines.includes(source.getLineAndCharacterOfPosition(d.start ?? 0).line))).toBe(true);
    for (const [i, rejection] of PEOPLE_REJECTIONS.entries()) {
      const messages = byLine(lines[i]!);
      expect(messages, rejection.because).not.toEqual([]);
      expect(messages.join("\n"), rejection.because).toMatch(rejection.error);
    }
  });
});

/**
 * The `ts` examples of docs/runtime.md compile under real `tsc --strict`
 * against the rendered People client and runtime, imported as a user imports
 * them (`pco-codegen/people`, `pco-codegen/runtime/webhooks`), through the
 * package's own exports map. Node's types are added, for the `node:http`
 * example, from the project's own @types/node.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import remarkParse from "remark-parse";
import ts from "typescript";
import { unified } from "unified";
import { afterAll, beforeAll, expect, test } from "vitest";
import { writeTree } from "../../generator/emit.js";
import { clientRenderer } from "../../generator/render/client/renderer.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { STRICT_TSC_OPTIONS } from "../helpers/strict-tsc.js";

let dir: string;
let examples: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-runtime-docs-"));
  const people = (await loadSpecs(path.join(REPO_ROOT, "spec"))).value.filter((spec) => spec.app === "people");
  const rendered = await clientRenderer.render(people);
  await writeTree({ root: path.join(dir, "generated"), files: rendered.value, owns: () => true });
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { name: string; exports: unknown };
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: manifest.name, type: "module", exports: manifest.exports }));
  const tree = unified()
    .use(remarkParse)
    .parse(await readFile(path.join(REPO_ROOT, "docs/runtime.md"), "utf8"));
  examples = tree.children.flatMap((node) => (node.type === "code" && node.lang === "ts" ? [node.value] : []));
  await mkdir(path.join(dir, "examples"));
  await Promise.all(examples.map((text, i) => writeFile(path.join(dir, `examples/example-${i + 1}.ts`), text)));
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

test("every ts example of docs/runtime.md compiles", { timeout: 300_000 }, () => {
  // Paging, fields, three webhook handlers, OAuth.
  expect(examples.length).toBe(6);
  const files = examples.map((_, i) => path.join(dir, `examples/example-${i + 1}.ts`));
  const options = { ...STRICT_TSC_OPTIONS, types: ["node"], typeRoots: [path.join(REPO_ROOT, "node_modules/@types")] };
  const program = ts.createProgram(files, options);
  const shown = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
  expect(shown).toEqual([]);
});

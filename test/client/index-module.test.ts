/**
 * The `index.js` and `index.d.ts` the generator writes for an app are exactly
 * what the TypeScript compiler makes of that app's `index.ts`: checked for the
 * latest version of every committed app, for a client of hostile names and
 * prose, and for a legacy client (no version header).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { indexDts, indexJs } from "../../generator/render/client/index-module.js";
import { renderClient } from "../../generator/render/client/renderer.js";
import { buildClientView } from "../../generator/render/client/view-model.js";
import type { Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  verbatimModuleSyntax: true,
  newLine: ts.NewLineKind.LineFeed,
};

const readSpec = (file: string): Spec => JSON.parse(readFileSync(file, "utf8")) as Spec;

/** The newest version of each committed app: the one its client is rendered from. */
function latestSpecs(): [string, Spec][] {
  const specRoot = path.join(REPO_ROOT, "spec");
  const apps = readdirSync(specRoot, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return apps.map(({ name: app }) => {
    const files = readdirSync(path.join(specRoot, app)).sort();
    const dated = files.filter((f) => f !== "legacy.json");
    return [app, readSpec(path.join(specRoot, app, dated.at(-1) ?? "legacy.json"))];
  });
}

const cases: [string, Spec][] = [
  ...latestSpecs(),
  ["hostile names", readSpec(path.join(REPO_ROOT, "test", "client", "specs", "hostile", "2024-01-01.json"))],
  ["a legacy spec", readSpec(path.join(REPO_ROOT, "test", "client", "specs", "resources", "legacy.json"))],
];

describe("index.js and index.d.ts", () => {
  it.each(cases)("%s: what the compiler makes of index.ts", async (_, spec) => {
    const rendered = await renderClient(spec);
    const source = rendered.value.find((f) => f.path.endsWith("/index.ts"))!.contents;
    const given = { fileName: "index.ts", compilerOptions: OPTIONS, reportDiagnostics: true };
    const js = ts.transpileModule(source, given);
    const dts = ts.transpileDeclaration(source, given);
    expect([...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])]).toEqual([]);
    const view = buildClientView(spec).value;
    expect(indexJs(view)).toBe(js.outputText);
    expect(indexDts(view)).toBe(dts.outputText);
  });
});

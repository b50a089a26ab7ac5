/**
 * The client's templates as the build precompiles them render exactly what
 * the templates compiled in the run render; a copy of other templates, of
 * another format or with code that does not run is not used.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prebuiltTemplates, writePrebuiltTemplates } from "../../generator/render/client/prebuilt-templates.js";
import { compileClientTemplates, templateSources, type TemplateSources } from "../../generator/render/client/templates.js";
import { buildClientView } from "../../generator/render/client/view-model.js";
import type { ClientView } from "../../generator/render/client/view.js";
import { loadSpecFile, loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";

let folder: string;
let file: string;
let sources: TemplateSources;
let views: ClientView[];
beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "pco-prebuilt-templates-"));
  file = path.join(folder, "templates.json");
  await writePrebuiltTemplates(file);
  sources = await templateSources();
  // A hostile client (names and text that must be escaped) and a real app's.
  const specs = [
    ...(await loadSpecs(path.join(REPO_ROOT, "test/client/specs"))).value.filter((s) => s.app === "hostile"),
    ...(await loadSpecFile(path.join(REPO_ROOT, "spec/people/2025-03-20.json"))).value,
  ];
  views = specs.map((spec) => buildClientView(spec).value);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const spoiled = (change: (copy: Record<string, unknown>) => void): string => {
  const copy = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  change(copy);
  const spoiledFile = path.join(folder, `spoiled-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(spoiledFile, JSON.stringify(copy));
  return spoiledFile;
};

describe("precompiled client templates", () => {
  it("render every file as the compiled templates do", async () => {
    const prebuilt = prebuiltTemplates(sources, file);
    const compiled = await compileClientTemplates(new Map(), sources);
    expect(prebuilt).toBeDefined();
    expect(views).toHaveLength(2);
    for (const view of views) {
      expect(prebuilt!.types(view)).toBe(compiled.types(view));
      expect(prebuilt!.index(view)).toBe(compiled.index(view));
    }
  });

  it("are not used for templates edited since the build", () => {
    const edited = {
      ...sources,
      partials: new Map([...sources.partials].map(([name, text]) => [name, name === "api" ? `${text} ` : text])),
    };
    expect(prebuiltTemplates(edited, file)).toBeUndefined();
    expect(prebuiltTemplates({ ...sources, index: `${sources.index}\n` }, file)).toBeUndefined();
  });

  it.each([
    ["is missing", () => path.join(folder, "none.json")],
    ["is not JSON", () => writeText("{ not json")],
    ["is of another format", () => spoiled((copy) => (copy.format = "pco-codegen prebuilt templates 0"))],
    ["holds code that does not run", () => spoiled((copy) => (copy.index = "{ not code"))],
    ["lacks a template", () => spoiled((copy) => delete copy.types)],
  ])("are not used where the copy %s", (_, copyFile) => {
    expect(prebuiltTemplates(sources, copyFile())).toBeUndefined();
  });
});

function writeText(text: string): string {
  const target = path.join(folder, "text.json");
  writeFileSync(target, text);
  return target;
}

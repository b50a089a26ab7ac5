/**
 * `check`'s comparison (`compareAll`): the output folder against what the
 * specs render to, compared file by file as each unit is rendered. It gives
 * what rendering the whole tree and then comparing it gives, and compares
 * each unit's files before the next unit is rendered, so that memory never
 * holds the tree.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffTree } from "../generator/emit.js";
import { compareAll, generatedTreePlan, renderAll } from "../generator/generate.js";
import type { Renderer, SpecRenderer } from "../generator/render/renderer.js";
import { renderBySpec } from "../generator/render/render-by-spec.js";
import { loadSpecs } from "../generator/spec/load.js";
import { REPO_ROOT } from "./helpers/corpus.js";
import { spec } from "./helpers/spec-builder.js";

const work = mkdtempSync(path.join(tmpdir(), "pco-compare-all-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("compareAll", () => {
  it("finds what rendering the whole tree and comparing it finds, on the committed output with some damage", async () => {
    const out = path.join(work, "generated");
    cpSync(path.join(REPO_ROOT, "generated"), out, { recursive: true });
    // One of each difference: a file gone, a file changed, a file no renderer writes, and one outside every renderer's root.
    unlinkSync(path.join(out, "openapi", "people-2025-03-20.json"));
    writeFileSync(path.join(out, "clients", "webhooks", "index.ts"), "changed\n");
    writeFileSync(path.join(out, "fixtures", "people", "stray.json"), "{}\n");
    writeFileSync(path.join(out, "notes.md"), "not generated\n");
    const specs = (await loadSpecs(path.join(REPO_ROOT, "spec"))).value;

    const compared = await compareAll(specs, out);
    const whole = await renderAll(specs);
    expect(compared.difference).toEqual(await diffTree(generatedTreePlan(out, whole.files)));
    expect(compared.difference).toEqual({
      missing: ["openapi/people-2025-03-20.json"],
      changed: ["clients/webhooks/index.ts"],
      extra: ["fixtures/people/stray.json"],
    });
    expect(compared.files).toBe(whole.files.length);
    expect(compared.diagnostics).toEqual(whole.diagnostics);
  });

  it("compares a unit's files before the next unit is rendered", async () => {
    const out = path.join(work, "by-unit");
    // One file per spec; rendering the second spec deletes the first spec's file from the folder.
    const bySpec: SpecRenderer = {
      async renderSpec(given) {
        if (given.version === "2025-01-02") unlinkSync(path.join(out, "one", "2025-01-01.txt"));
        return { value: { files: [{ path: `one/${given.version}.txt`, contents: given.version }], part: null }, diagnostics: [] };
      },
      async renderShared() {
        return { value: [], diagnostics: [] };
      },
    };
    const renderer: Renderer = { name: "one", root: "one", bySpec, render: (specs) => renderBySpec(bySpec, specs) };
    const specs = [spec([], { version: "2025-01-01" }), spec([], { version: "2025-01-02" })];
    mkdirSync(path.join(out, "one"), { recursive: true });
    for (const version of ["2025-01-01", "2025-01-02"]) writeFileSync(path.join(out, "one", `${version}.txt`), version);

    const compared = await compareAll(specs, out, [renderer]);
    // The first file was compared while it was still there: the same. Compared after every render, it would be missing.
    expect(compared.difference).toEqual({ missing: [], changed: [], extra: [] });
    expect(compared.files).toBe(2);
  });
});

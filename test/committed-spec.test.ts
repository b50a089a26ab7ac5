/**
 * spec/ is exactly what the documented command makes from the corpus
 * (`npm run scrape:corpus`, the sources in pco-codegen.sources.json), and every
 * committed spec validates against the schema.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { diffTree } from "../generator/emit.js";
import { collectSpecs, specTreePlan } from "../generator/scrape.js";
import { parseSourceOperand } from "../generator/sources/source-operand.js";
import { loadSpecs } from "../generator/spec/load.js";
import { describeCorpus, REPO_ROOT } from "./helpers/corpus.js";

const config = JSON.parse(readFileSync(path.join(REPO_ROOT, "pco-codegen.sources.json"), "utf8")) as { from: string[]; prune: boolean };

it("every committed spec validates against the schema", async () => {
  const loaded = await loadSpecs(path.join(REPO_ROOT, "spec"));
  expect(loaded.diagnostics).toEqual([]);
  expect(loaded.value.length).toBeGreaterThan(0);
});

describeCorpus("the committed spec", () => {
  it("is reproduced byte for byte by scraping the sources in pco-codegen.sources.json", async () => {
    const previous = process.cwd();
    process.chdir(REPO_ROOT); // sources are recorded relative to the repository, as the npm script runs them
    try {
      const result = await collectSpecs({ from: config.from.map(parseSourceOperand), versions: { kind: "latest" } });
      expect(result.withheld).toEqual([]);
      const difference = await diffTree(specTreePlan("spec", result, config.prune));
      expect(difference).toEqual({ missing: [], changed: [], extra: [] });
    } finally {
      process.chdir(previous);
    }
  });
});

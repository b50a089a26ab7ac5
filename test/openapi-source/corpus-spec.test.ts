/**
 * The committed spec/ covers PCO's eleven apps (and the Slate-only
 * `resources`), at the newest version any corpus source documents, and two
 * scrapes of the corpus configuration give the same bytes.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { collectSpecs } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import { describeCorpus, PCO_APPS, REPO_ROOT } from "../helpers/corpus.js";

it("spec/ holds exactly the eleven apps and the Slate-only resources", () => {
  const apps = readdirSync(path.join(REPO_ROOT, "spec"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  expect(apps).toEqual([...PCO_APPS, "resources"].sort());
  const versions = (app: string) => readdirSync(path.join(REPO_ROOT, "spec", app)).sort();
  expect(versions("calendar")).toEqual(["2022-07-07.json"]);
  expect(versions("check-ins")).toEqual(["2025-05-28.json", "legacy.json"]);
});

describeCorpus("the corpus configuration", () => {
  it("scraped twice gives identical bytes", async () => {
    const config = JSON.parse(readFileSync(path.join(REPO_ROOT, "pco-codegen.sources.json"), "utf8")) as { from: string[] };
    const previous = process.cwd();
    process.chdir(REPO_ROOT);
    try {
      const scrape = async () =>
        (await collectSpecs({ from: config.from.map(parseSourceOperand), versions: { kind: "latest" } })).specs.map(serializeSpec);
      const first = await scrape();
      expect(await scrape()).toEqual(first);
      expect(first.length).toBe(17);
    } finally {
      process.chdir(previous);
    }
  }, 600_000); // two scrapes of every corpus source
});

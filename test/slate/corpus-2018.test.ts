/**
 * The 2018 Slate docs: the last markdown (2018-03-15) and the last built page
 * (2018-07-23), and the scrape that builds the committed spec from them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { ScrapeResult } from "../../generator/scrape.js";
import { corpusPath, describeCorpus, REPO_ROOT } from "../helpers/corpus.js";
import { htmlCounts, markdownCounts, specCounts } from "./docs-counts.js";
import { errorsOf, scrape, specOf } from "./read.js";

const MARCH = corpusPath("slate", "2018-03-15", "source");
const JULY = corpusPath("slate", "2018-07-23", "build", "index.html");

describeCorpus("Slate docs of 2018", () => {
  let march: ScrapeResult;
  let july: ScrapeResult;

  beforeAll(async () => {
    march = await scrape(`slate:${MARCH}`);
    july = await scrape(`slate:${JULY}`);
  });

  it("read with no error diagnostics", () => {
    expect(errorsOf(march.diagnostics)).toEqual([]);
    expect(errorsOf(july.diagnostics)).toEqual([]);
  });

  it("have the resources app, and giving is no longer beta", () => {
    for (const result of [march, july]) {
      expect(result.specs.map((s) => s.app)).toEqual(["check-ins", "giving", "people", "resources", "services", "webhooks"]);
      expect(specOf(result, "giving").beta).toBeUndefined();
      expect(specOf(result, "resources").beta).toBe(true);
    }
  });

  it("hold the resources of the docs' sections and an endpoint per HTTP Request block", () => {
    const documented = markdownCounts(MARCH);
    expect(specCounts(march.specs).resources).toEqual(documented.resources);
    expect(specCounts(march.specs).requests).toEqual(documented.requests);
    expect(specCounts(july.specs).resources).toEqual(htmlCounts(JULY).resources);
    expect(specCounts(july.specs).requests).toEqual(htmlCounts(JULY).requests);
  });

  it("2018-03-15: where, order, include and filter equal the rows of the List URL Parameters tables", () => {
    const { resources: _r, requests: _q, ...query } = specCounts(march.specs);
    const { resources: _dr, requests: _dq, ...documented } = markdownCounts(MARCH);
    expect(query).toEqual(documented);
  });

  it("2018-03-15: the index adds the Resources scope and the date-time where operators", () => {
    const api = specOf(march, "people").api!;
    const scopeRows = readFileSync(path.join(MARCH, "index.md"), "utf8").matchAll(/^\| ([\w-]+) \| (\w+) \|$/gm);
    expect(api.auth?.oauth2?.scopes).toEqual([...scopeRows].map((row) => ({ app: row[1], scope: row[2] })));
    expect(api.auth?.oauth2?.scopes.map((s) => s.scope)).toContain("resources");
    expect(api.whereOperators?.map((o) => o.operator)).toEqual(["=", "[gt]=", "[gte]=", "[lt]=", "[lte]="]);
  });

  it("the committed spec's sources give a legacy spec for each app of the last markdown, each with the index's facts", async () => {
    const file = path.join(REPO_ROOT, "pco-codegen.sources.json");
    const config = JSON.parse(readFileSync(file, "utf8")) as { from: string[] };
    const sources = config.from.map((source) => {
      const [kind, location] = [source.slice(0, source.indexOf(":")), source.slice(source.indexOf(":") + 1)];
      return `${kind}:${path.relative(process.cwd(), path.resolve(REPO_ROOT, location))}`;
    });
    expect(sources.at(-1)).toBe(`slate:${MARCH}`);
    const result = await scrape(...sources);
    expect(result.withheld).toEqual([]);
    const legacy = result.specs.filter((s) => s.version === "legacy").map((s) => s.app);
    expect(legacy).toEqual(Object.keys(markdownCounts(MARCH).resources).sort());
    const facts = specOf(march, "people").api;
    // The facts stay with the page that states them: portal specs carry none, so a scrape of the
    // live portal alone gives the same portal specs.
    for (const spec of result.specs) expect(spec.api, `${spec.app}/${spec.version}`).toEqual(spec.version === "legacy" ? facts : undefined);
  });
});

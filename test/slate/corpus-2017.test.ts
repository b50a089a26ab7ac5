/**
 * The 2017 Slate docs: the 2017-07-05 markdown, and the 2017-09-20 site in its
 * three renderings (markdown, the built page, and seed 001, that page saved as
 * text), plus the index page of seed 000.
 */
import { readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import type { ScrapeResult } from "../../generator/scrape.js";
import { interpretSlate } from "../../generator/sources/slate/interpret.js";
import { readMarkdown } from "../../generator/sources/slate/markdown.js";
import { DOCUMENTED_API_FACTS } from "../../generator/spec/api-facts.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";
import { htmlCounts, markdownCounts, specCounts } from "./docs-counts.js";
import { errorsOf, scrape, specOf, withoutSource } from "./read.js";

const SEPTEMBER = corpusPath("slate", "2017-09-20");
const SEED_TEXT = corpusPath("seeds", "001_a431b28ef56a2162.txt");
const SEED_INDEX = corpusPath("seeds", "000_d04af68d151df028.txt");

describeCorpus("Slate docs of 2017", () => {
  const read = new Map<string, ScrapeResult>();

  beforeAll(async () => {
    read.set("markdown", await scrape(`slate:${SEPTEMBER}/source`));
    read.set("html", await scrape(`slate:${SEPTEMBER}/build/index.html`));
    read.set("text", await scrape(`slate:${SEED_TEXT}`));
    read.set("july", await scrape(`slate:${corpusPath("slate", "2017-07-05", "source")}`));
  });

  it("read with no error diagnostics", () => {
    for (const [name, result] of read) expect(errorsOf(result.diagnostics), name).toEqual([]);
  });

  it("2017-09-20: the markdown and the built page give deep-equal specs, source aside", () => {
    const markdown = read.get("markdown")!.specs.map(withoutSource);
    expect(markdown.map((s) => s.app)).toEqual(["check-ins", "giving", "people", "services", "webhooks"]);
    expect(read.get("html")!.specs.map(withoutSource)).toEqual(markdown);
  });

  it("2017-09-20: the page saved as text (seed 001) gives the same specs; it was saved after the webhooks introduction was rewritten", () => {
    const html = read.get("html")!.specs.map(withoutSource);
    const text = read.get("text")!.specs.map(withoutSource);
    // The one thing the seed says differently is the webhooks app's introduction: the paragraphs
    // between its heading and its first resource, read here from the seed itself.
    const seed = readFileSync(SEED_TEXT, "utf8").split("\n");
    const from = seed.indexOf("Webhooks") + 1;
    const to = seed.indexOf("AvailableEvents");
    const introduction = seed
      .slice(from, to)
      .map((l) => l.trim())
      .filter(Boolean)
      .join("\n\n")
      .replace(/’/g, "'");
    expect(text.find((s) => s.app === "webhooks")!.description).toBe(introduction);
    expect(html.find((s) => s.app === "webhooks")!.description).not.toBe(introduction);
    const sameIntroduction = text.map((s) =>
      s.app === "webhooks" ? { ...s, description: html.find((h) => h.app === "webhooks")!.description } : s,
    );
    expect(sameIntroduction).toEqual(html);
  });

  it("2017-09-20: resources per app are those the issue states and the markdown's ## sections", () => {
    const counts = specCounts(read.get("markdown")!.specs);
    expect(counts.resources).toEqual({ "check-ins": 20, giving: 11, people: 41, services: 51, webhooks: 5 });
    expect(counts.resources).toEqual(markdownCounts(`${SEPTEMBER}/source`).resources);
    expect(specCounts(read.get("html")!.specs).resources).toEqual(htmlCounts(`${SEPTEMBER}/build/index.html`).resources);
  });

  it("2017-09-20: endpoints per method equal the HTTP Request blocks per method", () => {
    expect(specCounts(read.get("markdown")!.specs).requests).toEqual(markdownCounts(`${SEPTEMBER}/source`).requests);
    expect(specCounts(read.get("html")!.specs).requests).toEqual(htmlCounts(`${SEPTEMBER}/build/index.html`).requests);
  });

  it("2017-09-20: where, order, include and filter equal the rows of the List URL Parameters tables", () => {
    const { resources: _r, requests: _q, ...query } = specCounts(read.get("markdown")!.specs);
    const { resources: _dr, requests: _dq, ...documented } = markdownCounts(`${SEPTEMBER}/source`);
    expect(query).toEqual(documented);
  });

  it("2017-09-20: PCO Giving is marked beta, the others are not", () => {
    const beta = Object.fromEntries(read.get("text")!.specs.map((s) => [s.app, s.beta === true]));
    expect(beta).toEqual({ "check-ins": false, giving: true, people: false, services: false, webhooks: false });
    expect(specOf(read.get("text")!, "giving").title).toBe("PCO Giving");
  });

  it("2017-07-05: resources per app and endpoints per method are the markdown's", () => {
    const counts = specCounts(read.get("july")!.specs);
    const documented = markdownCounts(corpusPath("slate", "2017-07-05", "source"));
    expect(counts.resources).toEqual(documented.resources);
    expect(counts.requests).toEqual(documented.requests);
  });

  it("seed 000, the index page, states the API-wide facts the 2017 site documents", () => {
    const index = readMarkdown({ text: readFileSync(SEED_INDEX, "utf8"), location: SEED_INDEX });
    expect(index.includes).toEqual(["check_ins", "giving", "people", "services", "errors"]);
    const { api } = interpretSlate({ format: "slate-markdown", blocks: index.blocks, detected: "" }, SEED_INDEX);
    expect(api).toEqual(DOCUMENTED_API_FACTS);
    // Every spec read from a 2017 site carries them, with the error codes of its errors include.
    const errors = specOf(read.get("july")!, "people").api?.errors;
    expect(specOf(read.get("july")!, "people").api).toEqual({ ...DOCUMENTED_API_FACTS, errors });
    expect(errors?.map((e) => e.status)).toEqual([400, 401, 403, 404, 500, 503]);
  });
});

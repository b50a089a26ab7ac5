/**
 * Every line the readers match against goes through anchored patterns without
 * nested quantifiers, so that a very long line costs time in proportion to its
 * length. Lines shaped to make a backtracking pattern blow up (a heading prefix
 * then thousands of words, thousands of header prefixes, digits...) are read here in
 * every place a line can stand; a catastrophic pattern would take minutes.
 */
import { describe, expect, it } from "vitest";
import { pageSections } from "../../generator/sources/portal-page/page.js";
import { readPageResource } from "../../generator/sources/portal-page/resource.js";
import { detectFormat } from "../../generator/sources/slate/detect.js";
import { readHtml } from "../../generator/sources/slate/html.js";
import { interpretSlate } from "../../generator/sources/slate/interpret.js";
import { readMarkdown } from "../../generator/sources/slate/markdown.js";
import { readPageText } from "../../generator/sources/slate/page-text.js";
import { cpuMs } from "../helpers/cpu-time.js";

const SIZE = 400_000;

const LINES: Record<string, string> = {
  "an operation heading with many words": `List ${"x ".repeat(SIZE / 2)}`,
  "an app heading with many words": `PCO ${"a ".repeat(SIZE / 2)}`,
  "rate-limit header prefixes": "X-".repeat(SIZE / 2),
  "a policy sentence, repeated": "1 requests per ".repeat(SIZE / 15),
  digits: "1".repeat(SIZE),
  "where[ prefixes": "where[".repeat(SIZE / 6),
  "a request without an end": `GET ${"a".repeat(SIZE)}`,
  "table cells": "| a ".repeat(SIZE / 4),
  "an inline include, repeated": `You may include ${"a to create inline with the ".repeat(SIZE / 30)}`,
  "attribute rows on one line": "name string ".repeat(SIZE / 12),
  "an unclosed URL": `https://${"a/".repeat(SIZE / 2)}`,
  "a bullet": `  • ${"a".repeat(SIZE)}`,
};

/** The line where a Slate page has headings, prose, a request and a table row, and where a portal page has its rows. */
const slatePage = (line: string) =>
  `Introduction\n\nPCO Things\n\n${line}\n\nRate limiting\n\n${line}\n\nThings\n\nList Things\n\nHTTP Request\n\n${line}\n\nURL Parameters\n\nParameter Value Description\n${line}\n`;
const portalPage = (line: string) =>
  `API\n\nThing\n\n${line}\n\nExample Object\n\n${line}\n\nAttributes\n\nName Type Description\n${line}\n\nPagination\n\n${line}\n\nAssociations\n\n${line}\n`;

describe("very long lines", () => {
  it.each(Object.entries(LINES))("%s are read in time proportional to their length", (_name, line) => {
    const ms = cpuMs(() => {
      detectFormat(slatePage(line));
      const text = readPageText(slatePage(line), "page.txt");
      interpretSlate({ format: "slate-text", blocks: text.blocks, detected: "" }, "page.txt");
      const markdown = readMarkdown({
        text: `# PCO Things\n\n## Things\n\n${line}\n\n### List Things\n\n#### HTTP Request\n\n${line}\n`,
        location: "page.md",
      });
      interpretSlate({ format: "slate-markdown", blocks: markdown.blocks, detected: "" }, "page.md");
      readPageResource(pageSections(portalPage(line)), "page.txt", []);
    });
    expect(ms).toBeLessThan(20_000);
  });

  it("a long paragraph of the built page", () => {
    const ms = cpuMs(() => {
      const html = readHtml(`<div class="content"><h1>PCO Things</h1><p>${"a ".repeat(SIZE / 2)}</p></div>`, "page.html");
      interpretSlate({ format: "slate-html", blocks: html.blocks, detected: "" }, "page.html");
    });
    expect(ms).toBeLessThan(20_000);
  });
});

/**
 * The Slate markdown tree is parsed once per text: a second read of the same
 * text takes the tree from the cache, the same tree a parse gives, and a
 * changed text is parsed again.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownCacheDir, parseCached } from "../../generator/sources/slate/markdown-parse-cache.js";
import { readMarkdown } from "../../generator/sources/slate/markdown.js";
import { remarkTables } from "../../generator/sources/slate/remark-tables.js";

const parser = unified().use(remarkParse).use(remarkTables).use(remarkFrontmatter, ["yaml"]);
const TEXT =
  "---\nincludes:\n  - people\n---\n\n# People\n\n| Name | Type |\n| --- | --- |\n| `first_name` | string |\n\nSee http://example.com.\n";

let cache: string;
const previous = process.env.PCO_CODEGEN_CACHE;
beforeAll(() => {
  cache = mkdtempSync(path.join(tmpdir(), "pco-markdown-cache-"));
  process.env.PCO_CODEGEN_CACHE = cache;
});
afterAll(() => {
  if (previous === undefined) delete process.env.PCO_CODEGEN_CACHE;
  else process.env.PCO_CODEGEN_CACHE = previous;
  rmSync(cache, { recursive: true, force: true });
});

describe("parseCached", () => {
  it("parses a text once, and gives back the tree a parse gives", () => {
    let parses = 0;
    const parse = (text: string) => {
      parses += 1;
      return parser.parse(text) as Root;
    };
    const fresh = parser.parse(TEXT);
    expect(parseCached(TEXT, parse)).toEqual(fresh);
    expect(parseCached(TEXT, parse)).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(parses).toBe(1);
    expect(readdirSync(markdownCacheDir())).toHaveLength(1);
    parseCached(`${TEXT}\nMore.\n`, parse);
    expect(parses).toBe(2);
  });

  it("reads a document the same from the cache as from a parse", () => {
    const file = { text: TEXT, location: "includes/_people.md" };
    const first = readMarkdown(file);
    const second = readMarkdown(file);
    expect(second).toEqual(first);
    expect(first.includes).toEqual(["people"]);
    expect(first.blocks.map((block) => block.kind)).toEqual(["heading", "table", "paragraph"]);
  });
});

/**
 * The tree markdown-it's tokens are turned into: what markdown.ts reads of it,
 * as GFM's own tree (mdast) has it.
 */
import { describe, expect, it } from "vitest";
import { markdownTree } from "../../generator/sources/slate/markdown-tree.js";

const rowsOf = (text: string) => {
  const table = markdownTree(text).children.find((node) => node.type === "table");
  if (table?.type !== "table") throw new Error("no table");
  return table.children.map((row) => row.children.map((cell) => cell.children.map((c) => ("value" in c ? c.value : "")).join("")));
};

describe("the Slate markdown tree", () => {
  it("holds the cells each row's line has: a short row is not padded, a long one not cut", () => {
    expect(rowsOf("| a | b | c |\n|---|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 | 4 | `5\\|6` |\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2"],
      ["1", "2", "3", "4", "5|6"],
    ]);
  });

  it("reads the front matter as YAML, and the lines after it keep their numbers", () => {
    const text = "---\ntitle: Things\nincludes:\n  - things\n---\n\n# PCO Things\n";
    const tree = markdownTree(text);
    expect(tree.children.map((node) => node.type)).toEqual(["yaml", "heading"]);
    expect(tree.children[0]).toMatchObject({ value: "title: Things\nincludes:\n  - things" });
    expect(tree.children[1]!.position?.start).toEqual({ line: 7, column: 1, offset: text.indexOf("# PCO") });
  });

  it("places each block where its text starts and a paragraph where its text ends", () => {
    const text = "intro\n\n    indented code\n\n> quoted\n  text  \n\n- one\n- two\n\n";
    const [paragraph, code, quote, list] = markdownTree(text).children;
    expect(paragraph?.position).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 6, offset: 5 } });
    expect(code).toMatchObject({ type: "code", value: "indented code", position: { start: { line: 3, column: 1 } } });
    expect(quote).toMatchObject({ type: "blockquote", position: { start: { line: 5, column: 3 } } });
    const inner = quote?.type === "blockquote" ? quote.children[0] : undefined;
    expect(inner?.position?.end).toEqual({ line: 6, column: 7, offset: text.indexOf("text") + 4 });
    expect(list?.type === "list" && list.children.map((item) => [item.position?.start.line, item.position?.end.line])).toEqual([
      [8, 8],
      [9, 9],
    ]);
  });

  it("reads ~~ as text and raw HTML as HTML, as the site's renderer did", () => {
    const [paragraph] = markdownTree("~~old~~ <span class='x'>new</span>\n").children;
    expect(paragraph?.type === "paragraph" && paragraph.children.map((c) => [c.type, "value" in c ? c.value : ""])).toEqual([
      ["text", "~~old~~ "],
      ["html", "<span class='x'>"],
      ["text", "new"],
      ["html", "</span>"],
    ]);
  });
});

/**
 * The text of a piece of raw HTML in the Slate markdown (an `<aside>`, a
 * `<span>` around an attribute's name): the fragment parsed as a document by
 * parse5 into the same tree cheerio builds, and the text of every node in it,
 * as cheerio's `load(html).text()` gives it. parse5 alone, not cheerio, is
 * loaded: cheerio brings an HTTP client and encoding detection with it, whose
 * loading costs a markdown read more than its HTML does. The built page's
 * reader (html.ts), which needs cheerio's selectors, still loads it.
 */
import type { AnyNode } from "domhandler";
import { parse } from "parse5";
import { adapter } from "parse5-htmlparser2-tree-adapter";

export function htmlText(html: string): string {
  return textOf(parse(html, { treeAdapter: adapter, scriptingEnabled: true }));
}

/** Text nodes' data, through every node with children (comments have none): a script's and a style's text count, as they do there. */
function textOf(node: AnyNode): string {
  if ("children" in node) return node.children.map(textOf).join("");
  return node.type === "text" ? node.data : "";
}

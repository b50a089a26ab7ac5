/**
 * A developer-portal page saved as markdown → a flat run of titled groups of
 * cells. HTML-to-markdown tools write the page's section titles either as
 * headings (`## Attributes`) or as links whose text is a heading
 * (`[# Attributes](#/apps/...#attributes)`); both open a group here. Inside a
 * group, every paragraph, list, code block and table row is kept in order as
 * a cell: the tools write a table either as a GFM table or as one paragraph
 * per cell, and rows are rebuilt later from what each table's cells look like.
 */
import type { List, Node, Paragraph, PhrasingContent, Root, RootContent, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { tooHeavyToParse } from "../slate/markdown-limits.js";
import { plainCode, plainText } from "../slate/plain-text.js";

export type Cell =
  | {
      kind: "text";
      text: string;
      line: number;
      /** The paragraph is one inline code span, as names and types are. */ code: boolean;
      /** A link's target, when the paragraph is one link. */ href?: string;
    }
  | { kind: "list"; items: string[]; line: number }
  | { kind: "code"; text: string; line: number }
  /** A GFM table's body row; its header row is given as text cells before it. */
  | {
      kind: "row";
      cells: string[];
      line: number;
      /** Each cell's link target, where the cell is one link. */ hrefs: (string | undefined)[];
    };

export interface CellGroup {
  title: string;
  line: number;
  /** The title was a link-heading (`[# Attributes](#...)`), as the portal's own sections are. */
  linked: boolean;
  /** The heading's depth (1 for `#`); link-headings count the `#` in their text. */
  depth: number;
  /** A link-heading's target (`#/apps/groups/2023-07-10/vertices/event#attributes`). */
  href?: string;
  cells: Cell[];
}

export interface MarkdownPage {
  /** Cells before the first title: the portal's navigation. */
  preamble: Cell[];
  groups: CellGroup[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The page's groups, or why the text cannot be parsed. */
export function markdownPage(text: string): { page: MarkdownPage } | { refused: { code: string; problem: string; line: number } } {
  const refusal = tooHeavyToParse(text);
  if (refusal !== undefined) return { refused: refusal };
  const tree = parser.parse(text.replace(/^\uFEFF/, "")) as Root;
  const page: MarkdownPage = { preamble: [], groups: [] };
  const push = (cell: Cell) => (page.groups.at(-1)?.cells ?? page.preamble).push(cell);
  for (const node of tree.children) {
    const title = titleOf(node);
    if (title !== undefined) {
      page.groups.push({ ...title, line: lineOf(node), cells: [] });
      continue;
    }
    for (const cell of cellsOf(node)) push(cell);
  }
  return { page };
}

function titleOf(node: RootContent): { title: string; linked: boolean; depth: number; href?: string } | undefined {
  if (node.type === "heading") return { title: plainText(inlineText(node.children)), linked: false, depth: node.depth };
  if (node.type !== "paragraph") return undefined;
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== "link") return undefined;
  const match = /^(#{1,6})\s+(\S.*)$/.exec(plainText(inlineText(only.children)));
  return match ? { title: match[2]!, linked: true, depth: match[1]!.length, href: only.url } : undefined;
}

function cellsOf(node: RootContent): Cell[] {
  const line = lineOf(node);
  switch (node.type) {
    case "paragraph":
      return [paragraphCell(node, line)];
    case "list":
      return [{ kind: "list", items: listItems(node), line }];
    case "code":
      return [{ kind: "code", text: plainCode(node.value), line }];
    case "table":
      return tableCells(node);
    case "html":
      return [];
    default: {
      const text = plainText(nodeText(node));
      return text === "" ? [] : [{ kind: "text", text, line, code: false }];
    }
  }
}

function paragraphCell(node: Paragraph, line: number): Cell {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type === "inlineCode") return { kind: "text", text: plainText(only.value), line, code: true };
  // Line breaks inside a cell are kept: a description runs over several lines.
  const text = inlineText(node.children)
    .split("\n")
    .map((l) => plainText(l))
    .filter((l) => l !== "")
    .join("\n");
  return { kind: "text", text, line, code: false, ...(only?.type === "link" ? { href: only.url } : {}) };
}

function listItems(list: List): string[] {
  return list.children.map((item) =>
    plainText(item.children.map((c) => (c.type === "paragraph" ? inlineText(c.children) : nodeText(c))).join(" ")),
  );
}

/** The header row as text cells (so a table reads as its paragraph-per-cell form does), then one row cell per body row. */
function tableCells(table: Table): Cell[] {
  const [head, ...body] = table.children;
  const header: Cell[] = (head?.children ?? []).map((c) => ({
    kind: "text",
    text: plainText(inlineText(c.children)),
    line: lineOf(c),
    code: false,
  }));
  return [
    ...header,
    ...body.map((row): Cell => ({
      kind: "row",
      cells: row.children.map((c) => plainText(inlineText(c.children))),
      hrefs: row.children.map((c) => (c.children.length === 1 && c.children[0]!.type === "link" ? c.children[0].url : undefined)),
      line: lineOf(row),
    })),
  ];
}

/** Text of inline content, code spans in backticks as the docs write them, line breaks kept as `\n`. */
function inlineText(children: readonly PhrasingContent[]): string {
  return children
    .map((child) => (child.type === "break" ? "\n" : child.type === "inlineCode" ? `\`${child.value}\`` : nodeText(child)))
    .join("");
}

function nodeText(node: Node): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node && Array.isArray(node.children))
    return (node.children as Node[]).map(nodeText).join(node.type === "listItem" ? "\n" : "");
  return "";
}

function lineOf(node: Node): number {
  return node.position?.start.line ?? 1;
}

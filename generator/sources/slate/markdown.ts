/**
 * Slate markdown → the Slate document model, through the tree markdown-tree.ts
 * builds (CommonMark, GFM's pipe tables, and the front matter's `includes:`
 * list).
 *
 * The site was built with Redcarpet, which differs from CommonMark in two ways
 * the docs rely on; the front-end follows the site's renderer, so that the
 * markdown reads as its built page does:
 * - a list does not interrupt a paragraph: `present:\n- The person...` is one
 *   paragraph;
 * - a pipe table whose delimiter row has more cells than its header is still a
 *   table (GFM rejects it); it is read as one, with a warning.
 */
import type { Code, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from "mdast";
import { parse as parseYaml } from "yaml";
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { htmlOpenTooDeep, MAX_HTML_DEPTH } from "./html-limits.js";
import { htmlText } from "./html-text.js";
import { inlineTree, markdownTree } from "./markdown-tree.js";
import { tooHeavyToParse } from "./markdown-limits.js";
import type { ParagraphBlock, SlateBlock, TableBlock } from "./model.js";
import { plainCode, plainText } from "./plain-text.js";
import { appendAll } from "../../util/append.js";

export interface MarkdownFile {
  text: string;
  /** As the user named it, or a URL: what diagnostics name. */
  location: string;
}

export interface MarkdownRead {
  blocks: SlateBlock[];
  /** The front matter's `includes:` (names such as `people`), in order. */
  includes: string[];
  diagnostics: Diagnostic[];
}

export function readMarkdown(given: MarkdownFile): MarkdownRead {
  // A byte order mark is no part of the first line: the tree's offsets count without it, so must the text they index.
  const file = { ...given, text: given.text.replace(/^\uFEFF/, "") };
  const refusal = tooHeavyToParse(file.text);
  if (refusal !== undefined) {
    return {
      blocks: [],
      includes: [],
      diagnostics: [
        diagnostic("error", refusal.code, `${refusal.problem}; the file was not read`, {
          file: file.location,
          line: refusal.line,
          column: 1,
        }),
      ],
    };
  }
  const tree = markdownTree(file.text);
  const diagnostics: Diagnostic[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }): Origin => ({
    file: file.location,
    ...(node.position ? { line: node.position.start.line, column: node.position.start.column } : {}),
  });
  const blocks: SlateBlock[] = [];
  let includes: string[] = [];
  let open: OpenTable | undefined;
  tree.children.forEach((node, index) => {
    if (node.type === "yaml") {
      includes = includesOf(node.value, at(node), diagnostics);
      return;
    }
    if (open !== undefined) {
      const step = continueTable(open, node, file, blocks, diagnostics);
      if (step === "rows") return;
      if (step === "closed") open = undefined;
    }
    const before = tree.children[index - 1];
    const previous = blocks.at(-1);
    if (node.type === "list" && !node.ordered && before?.type === "paragraph" && previous?.kind === "paragraph") {
      const { continued, rest } = paragraphContinuation(before, node);
      if (continued.length > 0) previous.text = plainText(`${previous.text} ${continued.map((item) => `- ${nodeText(item)}`).join(" ")}`);
      if (rest.length > 0)
        blocks.push({ kind: "list", ordered: false, items: rest.map((item) => plainText(nodeText(item))), origin: at(rest[0]!) });
      return;
    }
    const read = blocksOf(node, file, at, diagnostics);
    appendAll(blocks, read);
    const table = read.at(-1);
    if (table?.kind === "table") open = { table, pending: [], rejoined: false };
    else if (open !== undefined && read.length === 1 && read[0]!.kind === "paragraph") open.pending.push(read[0]!);
  });
  if (open !== undefined) closeTable(open, blocks);
  return { blocks, includes, diagnostics };
}

/** A table that more rows may continue: the paragraphs read since its last row, and whether it was continued already. */
interface OpenTable {
  table: TableBlock;
  pending: ParagraphBlock[];
  rejoined: boolean;
}

/**
 * Redcarpet, like GFM, ends a table at a blank line, so a cell whose text runs
 * over several paragraphs cuts its table in two: the rest of the cell reads as
 * paragraphs, the next rows as a paragraph of pipe rows (`open | https://… |
 * …`, often after a stray ` |  | ` row). Where such a paragraph has exactly
 * the table's columns, its rows continue the table and the paragraphs between
 * are more of the last row's last cell. A paragraph of pipe rows that does not
 * fit is reported, quoting the row, and left as it is.
 */
function continueTable(
  open: OpenTable,
  node: RootContent,
  file: MarkdownFile,
  blocks: SlateBlock[],
  diagnostics: Diagnostic[],
): "rows" | "open" | "closed" {
  if (node.type !== "paragraph") {
    closeTable(open, blocks);
    return "closed";
  }
  const raw = rawLines(node, file);
  if (raw === undefined || !raw.every((line) => line.includes("|")) || raw.some(isDelimiterRow)) return "open";
  // A stray ` |  | ` row, all pipes and blanks, holds nothing.
  const lines = raw.filter((line) => !/^[\s|]*$/.test(line));
  if (lines.length === 0) return "open";
  const origin = { file: file.location, line: node.position?.start.line ?? 1, column: 1 };
  const width = open.table.header.length;
  const misfit = lines.find((line) => pipeCells(line).length !== width);
  if (misfit !== undefined || (open.pending.length > 0 && open.table.rows.length === 0)) {
    const row = misfit ?? lines[0]!;
    diagnostics.push(
      diagnostic(
        "warning",
        "SLATE_TABLE_ROW",
        `the row "${row.trim().slice(0, 80)}" follows a table of ${width} columns but ${misfit === undefined ? "nothing before it holds a row to continue" : `has ${pipeCells(row).length}`}; not joined to the table`,
        origin,
      ),
    );
    closeTable(open, blocks);
    return "closed";
  }
  foldPending(open, blocks);
  const inline = (cell: string) => plainText(nodeText(inlineTree(cell)));
  const rows = lines
    .map((line, i) => ({ cells: pipeCells(line).map(inline), origin: { ...origin, line: origin.line + i } }))
    .filter((row) => row.cells.some((c) => c !== ""));
  appendAll(open.table.rows, rows);
  open.rejoined = true;
  diagnostics.push(
    diagnostic(
      "warning",
      "SLATE_TABLE_REJOINED",
      `the table at line ${open.table.origin.line ?? 1} goes on here, after a cell that runs over several paragraphs; ${rows.length} row${rows.length === 1 ? "" : "s"} joined to it`,
      origin,
    ),
  );
  return "rows";
}

/** The paragraphs after a continued table's last row, up to the next heading, end its last cell too. */
function closeTable(open: OpenTable, blocks: SlateBlock[]): void {
  if (open.rejoined) foldPending(open, blocks);
}

/** The pending paragraphs, taken out of the blocks and added to the last row's last cell. */
function foldPending(open: OpenTable, blocks: SlateBlock[]): void {
  const row = open.table.rows.at(-1);
  if (row === undefined || open.pending.length === 0) return;
  const last = row.cells.length - 1;
  row.cells[last] = [row.cells[last], ...open.pending.map((p) => p.text)].filter((t) => t !== "").join("\n\n");
  for (const paragraph of open.pending) blocks.splice(blocks.indexOf(paragraph), 1);
  open.pending = [];
}

function rawLines(node: Paragraph, file: MarkdownFile): string[] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return file.text.slice(start, end).split("\n");
}

function includesOf(yaml: string, origin: Origin, diagnostics: Diagnostic[]): string[] {
  let value: unknown;
  try {
    value = parseYaml(yaml);
  } catch (error) {
    diagnostics.push(diagnostic("error", "SLATE_FRONT_MATTER", `the front matter is not YAML: ${(error as Error).message}`, origin));
    return [];
  }
  const includes = (value as { includes?: unknown } | null)?.includes;
  if (includes === undefined) return [];
  if (!Array.isArray(includes) || includes.some((i) => typeof i !== "string" && typeof i !== "number")) {
    diagnostics.push(diagnostic("error", "SLATE_FRONT_MATTER", `"includes" in the front matter is not a list of names`, origin));
    return [];
  }
  return includes.map(String);
}

/**
 * The items of a list that Redcarpet read as more of the paragraph before it:
 * those on the lines right after it, up to the first blank line.
 */
function paragraphContinuation(paragraph: Paragraph, list: List): { continued: ListItem[]; rest: ListItem[] } {
  let last = paragraph.position?.end.line;
  let count = 0;
  for (const item of list.children) {
    if (last === undefined || item.position === undefined || item.position.start.line !== last + 1) break;
    last = item.position.end.line;
    count += 1;
  }
  return { continued: list.children.slice(0, count), rest: list.children.slice(count) };
}

function blocksOf(node: RootContent, file: MarkdownFile, at: (n: RootContent) => Origin, diagnostics: Diagnostic[]): SlateBlock[] {
  switch (node.type) {
    case "heading":
      return [{ kind: "heading", depth: (node as Heading).depth, text: plainText(nodeText(node)), origin: at(node) }];
    case "paragraph":
      return [paragraphBlock(node, file, at(node), diagnostics)];
    case "code":
      return [{ kind: "code", text: plainCode((node as Code).value), origin: at(node) }];
    case "table":
      return [tableBlock(node, at)];
    case "list":
      return [
        { kind: "list", ordered: node.ordered === true, items: node.children.map((item) => plainText(nodeText(item))), origin: at(node) },
      ];
    case "blockquote":
      return node.children.flatMap((child) => blocksOf(child, file, at, diagnostics));
    case "html": {
      if (htmlOpenTooDeep(node.value) !== undefined) {
        diagnostics.push(diagnostic("error", "SLATE_TOO_DEEP", `this HTML opens more than ${MAX_HTML_DEPTH} elements; not read`, at(node)));
        return [];
      }
      const text = plainText(htmlText(node.value));
      const aside = /^<aside[\s>]/i.test(node.value);
      return text === "" ? [] : [{ kind: "paragraph", text, origin: at(node), ...(aside ? { aside: true } : {}) }];
    }
    case "thematicBreak":
    case "definition":
      // Markup that says nothing: a rule between sections, a link's target.
      return [];
    default:
      diagnostics.push(
        diagnostic("warning", "SLATE_UNKNOWN_MARKUP", `markdown ${node.type} is not a part of a Slate page; not read`, at(node)),
      );
      return [];
  }
}

const ATTRIBUTE_NAME_SPAN = /^<span class=['"]attribute-info-name['"]>$/;

function paragraphBlock(node: Paragraph, file: MarkdownFile, origin: Origin, diagnostics: Diagnostic[]): SlateBlock {
  const repaired = repairedTable(node, file, origin, diagnostics);
  if (repaired !== undefined) return repaired;
  const opening = node.children[0];
  const attributeName = opening?.type === "html" && ATTRIBUTE_NAME_SPAN.test(opening.value.trim());
  return { kind: "paragraph", text: plainText(nodeText(node)), origin, ...(attributeName ? { attributeName: true } : {}) };
}

function tableBlock(table: Table, at: (n: RootContent) => Origin): TableBlock {
  const [head, ...body] = table.children;
  const cells = (row: (typeof table.children)[number]) => row.children.map((cell) => plainText(nodeText(cell)));
  return {
    kind: "table",
    header: head === undefined ? [] : cells(head),
    rows: body.map((row) => ({ cells: cells(row), origin: at(row) })).filter((row) => row.cells.some((c) => c !== "")),
    origin: at(table),
  };
}

/**
 * A paragraph that is really a pipe table GFM refused because its delimiter
 * row does not match its header. Redcarpet rendered it as a table.
 */
function repairedTable(node: Paragraph, file: MarkdownFile, origin: Origin, diagnostics: Diagnostic[]): TableBlock | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const lines = file.text.slice(start, end).split("\n");
  if (lines.length < 2 || !lines.every((line) => line.includes("|")) || !isDelimiterRow(lines[1]!)) return undefined;
  diagnostics.push(
    diagnostic(
      "warning",
      "SLATE_TABLE_REPAIRED",
      `a table whose delimiter row has ${pipeCells(lines[1]!).length} cells for ${pipeCells(lines[0]!).length} header cells; read as a table, as the site's renderer did`,
      origin,
    ),
  );
  const inline = (cell: string) => plainText(nodeText(inlineTree(cell)));
  return {
    kind: "table",
    header: pipeCells(lines[0]!).map(inline),
    rows: lines
      .slice(2)
      .map((line, i) => ({ cells: pipeCells(line).map(inline), origin: { ...origin, line: (origin.line ?? 1) + 2 + i, column: 1 } }))
      .filter((row) => row.cells.some((c) => c !== "")),
    origin,
  };
}

function isDelimiterRow(line: string): boolean {
  const cells = pipeCells(line);
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell));
}

/** `| a | b |` or `a | b` → `["a", "b"]`. */
function pipeCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|")) row = row.slice(0, -1);
  return row.split("|").map((cell) => cell.trim());
}

type TextNode = RootContent | Root | PhrasingContent;

/** The text a reader sees: inline code and link text kept, markup and raw HTML tags dropped. */
function nodeText(node: TextNode): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "html":
      // A line break reads as a space; other tags are markup.
      return /^<br\s*\/?>$/i.test(node.value) ? " " : node.value.startsWith("<") ? "" : node.value;
    case "break":
      return " ";
    case "image":
      return node.alt ?? "";
    default:
      return "children" in node ? (node.children as TextNode[]).map(nodeText).join(blockSeparator(node)) : "";
  }
}

/** Paragraphs inside a list item or cell read as one line of text. */
function blockSeparator(node: TextNode): string {
  return node.type === "listItem" || node.type === "root" || node.type === "blockquote" || node.type === "list" ? " " : "";
}

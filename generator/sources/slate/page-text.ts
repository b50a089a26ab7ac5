/**
 * A Slate page saved as text → the Slate document model. The text has lost its
 * markup: headings are bare lines, tables are a header line followed by lines
 * of space-separated words, code is bare lines. Blocks are separated by blank
 * lines; a block of consecutive lines is one paragraph (a `<br>` wrapped it).
 *
 * What a line is, is told by its words and its place, the way the site
 * generated them:
 * - a heading's depth from the headings Slate writes ("List Addresses" is an
 *   operation, "HTTP Request" a part of one) and from where it stands (an
 *   action's name after its "Actions for" table, "Relationships" inside
 *   "Included Resources");
 * - a resource heading is one PascalCase word naming the resource of the next
 *   operation heading (`AttendanceTypes` before "List Attendance Types");
 * - an app heading starts with "PCO ", or names the app its next URL is in
 *   (`Webhooks` before `https://api.planningcenteronline.com/webhooks/v2/...`);
 * - a table by its header line (`table-shapes.ts`), its rows cut into cells by
 *   the shape; a line that does not start a row continues the row before;
 * - code: JSON from `{` to its matching `}`, shell from `# ` or `curl `.
 * A line that fits none of these is a paragraph; the interpreter reports any
 * paragraph it cannot place.
 */
import pluralize from "pluralize";
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { INCLUDED_PARTS, INDEX_SECTIONS, nounKey, OPERATION_PARTS, operationHeading, RESOURCE_PARTS } from "./headings.js";
import type { SlateBlock, TableBlock } from "./model.js";
import { jsonEnd } from "./json-lines.js";
import { plainCode, plainText } from "./plain-text.js";
import { cutRow, shapeOfHeaderLine, type TableShape } from "./table-shapes.js";

export interface PageTextRead {
  blocks: SlateBlock[];
  diagnostics: Diagnostic[];
}

/** Headings of the index page: its `#` sections, and the sub-sections of "Authentication" with their depth. */
const INDEX_HEADINGS: Readonly<Record<string, number>> = Object.fromEntries(INDEX_SECTIONS.map((title) => [title, 1]));
const AUTHENTICATION_HEADINGS: Readonly<Record<string, number>> = {
  "Session Authentication": 2,
  "Personal Access Token": 2,
  "OAuth 2.0": 2,
  Scopes: 3,
  "Current User": 3,
};

/** Headings and table headers are short; a longer line is text. */
const MAX_HEADING = 200;

/** The page's navigation button and language tabs ("NAV", "shell"), which the saved text starts with. */
const PAGE_CHROME = /^(NAV|[a-z]+)$/;

/** Where the reader stands: the open heading at each depth. */
interface Place {
  headings: (string | undefined)[];
  /** The app segment of the URLs after the open app heading. */
  appSegment?: string;
  /** Action names of the current "Actions for" table. */
  actions: Set<string>;
  /**
   * The "Actions for" table just read. A description cell with line breaks
   * goes on over blank lines, so the paragraphs after it are more of its rows.
   */
  openTable?: { table: TableBlock; shape: TableShape };
}

export function readPageText(text: string, location: string): PageTextRead {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const diagnostics: Diagnostic[] = [];
  const blocks: SlateBlock[] = [];
  const ahead = lookahead(lines);
  const place: Place = { headings: [], actions: new Set() };
  const at = (index: number): Origin => ({ file: location, line: index + 1 });
  let i = skipChrome(lines);
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i += 1;
      continue;
    }
    if (/^[{[]/.test(line)) {
      const end = jsonEnd(lines, i);
      if (end !== undefined) {
        blocks.push({ kind: "code", text: plainCode(lines.slice(i, end + 1).join("\n")), origin: at(i) });
        i = end + 1;
        continue;
      }
    }
    if (/^\s+\d+\.\s/.test(line)) {
      const end = orderedListEnd(lines, i);
      blocks.push(orderedList(lines, i, end, at));
      i = end;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== "" && !startsShell(lines[end]!)) end += 1;
    const block = chunkBlock(lines, i, end, { place, ahead, at, diagnostics });
    if (block !== undefined) blocks.push(block);
    i = end;
  }
  return { blocks, diagnostics };
}

function skipChrome(lines: readonly string[]): number {
  let i = 0;
  while (i < lines.length && (lines[i]!.trim() === "" || PAGE_CHROME.test(lines[i]!.trim()))) i += 1;
  return i;
}

interface ChunkContext {
  place: Place;
  ahead: Lookahead;
  at: (index: number) => Origin;
  diagnostics: Diagnostic[];
}

/** A run of consecutive non-blank lines: code, a heading, a table or a paragraph; undefined where it continues a table. */
function chunkBlock(lines: readonly string[], start: number, end: number, context: ChunkContext): SlateBlock | undefined {
  const { place, at } = context;
  const first = lines[start]!;
  const opened = place.openTable;
  place.openTable = undefined;
  if (startsShell(first)) {
    return { kind: "code", text: plainCode(lines.slice(start, end).join("\n")), origin: at(start) };
  }
  const text = plainText(lines.slice(start, end).join(" "));
  if (end - start === 1 && text.length <= MAX_HEADING) {
    const depth = headingDepth(text, start, context);
    if (depth !== undefined) {
      place.headings = Array.from({ length: depth }, (_, d) => (d === depth - 1 ? text : place.headings[d]));
      if (depth === 1) place.appSegment = context.ahead.urlSegment[start];
      if (depth <= 3) place.actions = new Set();
      return { kind: "heading", depth, text, origin: at(start) };
    }
  }
  const shape = first.length <= MAX_HEADING ? shapeOfHeaderLine(plainText(first)) : undefined;
  if (shape !== undefined) {
    const table: TableBlock = { kind: "table", header: [...shape.header], rows: [], origin: at(start) };
    addRows(table, shape, lines, start + 1, end, context);
    return table;
  }
  if (opened !== undefined) {
    addRows(opened.table, opened.shape, lines, start, end, context);
    return undefined;
  }
  const attributeName = place.headings[2] === "Attribute Info" && place.headings.length === 3 && /^[a-z][a-z0-9_]*$/.test(text);
  return { kind: "paragraph", text, origin: at(start), ...(attributeName ? { attributeName: true } : {}) };
}

/** Shell examples start with their comment or the command; code may follow a table without a blank line. */
function startsShell(line: string): boolean {
  return line.startsWith("# ") || line.startsWith("curl ");
}

function headingDepth(text: string, index: number, { place, ahead }: ChunkContext): number | undefined {
  if (Object.hasOwn(INDEX_HEADINGS, text)) return INDEX_HEADINGS[text];
  if (place.headings[0] === "Authentication" && Object.hasOwn(AUTHENTICATION_HEADINGS, text)) return AUTHENTICATION_HEADINGS[text];
  const inApp = place.headings[0] !== undefined && !Object.hasOwn(INDEX_HEADINGS, place.headings[0]);
  if (inApp && isResourceHeading(text, ahead.operationNoun[index])) return 2;
  if (isAppHeading(text, ahead.urlSegment[index], place.appSegment)) return 1;
  if (!inApp) return undefined;
  if (operationHeading(text) !== undefined && !/[.:]$/.test(text)) return 3;
  const inOperation = place.headings[2] !== undefined && operationHeading(place.headings[2]) !== undefined;
  if (text === "Relationships" && inOperation && place.headings[3] === "Included Resources") return 5;
  if ((RESOURCE_PARTS as readonly string[]).includes(text)) return 3;
  if (inOperation && (OPERATION_PARTS as readonly string[]).includes(text)) return 4;
  if (inOperation && place.actions.has(text)) return 4;
  if (place.headings[3] === "Included Resources" && (INCLUDED_PARTS as readonly string[]).includes(text)) return 5;
  return undefined;
}

/** "PCO Giving (BETA)", or the name of another app, where it is the URL segment of what follows ("Webhooks"). */
function isAppHeading(text: string, nextSegment: string | undefined, currentSegment: string | undefined): boolean {
  if (/^PCO \S/.test(text) && !/[.:]$/.test(text) && text.split(" ").length <= 6) return true;
  return nextSegment !== undefined && nextSegment !== currentSegment && text.toLowerCase().replace(/[\s-]+/g, "_") === nextSegment;
}

function isResourceHeading(text: string, noun: string | undefined): boolean {
  if (noun === undefined || !/^[A-Z][A-Za-z0-9]*$/.test(text)) return false;
  const key = nounKey(text);
  return key === nounKey(noun) || key === nounKey(pluralize.plural(noun));
}

/** Lines of a text table: each starts a row, or continues the free cell of the row before. */
function addRows(
  table: TableBlock,
  shape: TableShape,
  lines: readonly string[],
  start: number,
  end: number,
  { place, at, diagnostics }: ChunkContext,
): void {
  const rest = shape.cells.indexOf("rest");
  for (let i = start; i < end; i++) {
    const line = plainText(lines[i]!);
    const cells = cutRow(line, shape);
    const last = table.rows.at(-1);
    if (cells !== undefined && startsRow(cells, shape)) {
      table.rows.push({ cells, origin: at(i) });
    } else if (last !== undefined && rest !== -1) {
      last.cells[rest] = plainText(`${last.cells[rest]} ${line}`);
    } else {
      diagnostics.push(
        diagnostic(
          "warning",
          "SLATE_TEXT_ROW",
          `the line does not fit the columns of the table "${shape.header.join(" ")}"; not read`,
          at(i),
        ),
      );
    }
  }
  if (shape.name === "actions") {
    place.actions = new Set(table.rows.map((row) => row.cells[0]!));
    place.openTable = { table, shape };
  }
}

/** Whether cut cells start a row, or are the continuation of a long cell wrapped onto its own line. */
function startsRow(cells: readonly string[], shape: TableShape): boolean {
  switch (shape.name) {
    case "associations":
    case "actions":
      return /^https?:\/\//.test(cells[1] ?? "");
    case "relationships":
      return cells[2] === "true" || cells[2] === "false";
    default:
      return true;
  }
}

/** Items start with "  1. "; an item goes on over indented lines and blank lines. */
function orderedListEnd(lines: readonly string[], start: number): number {
  let end = start + 1;
  while (end < lines.length && (lines[end]!.trim() === "" || /^\s/.test(lines[end]!))) end += 1;
  while (end > start + 1 && lines[end - 1]!.trim() === "") end -= 1;
  return end;
}

function orderedList(lines: readonly string[], start: number, end: number, at: (index: number) => Origin): SlateBlock {
  const items: string[] = [];
  for (const line of lines.slice(start, end)) {
    const item = /^\s+\d+\.\s(.*)$/.exec(line);
    if (item) items.push(item[1]!.trimStart());
    else if (items.length > 0) items[items.length - 1] += ` ${line}`;
  }
  return { kind: "list", ordered: true, items: items.map(plainText), origin: at(start) };
}

interface Lookahead {
  /** For each line, the noun of the next operation heading at or after it. */
  operationNoun: (string | undefined)[];
  /** For each line, the app segment of the next API URL at or after it. */
  urlSegment: (string | undefined)[];
}

function lookahead(lines: readonly string[]): Lookahead {
  const operationNoun: (string | undefined)[] = new Array(lines.length);
  const urlSegment: (string | undefined)[] = new Array(lines.length);
  let noun: string | undefined;
  let segment: string | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    noun = operationHeading(line)?.noun ?? noun;
    segment = /https?:\/\/[^/\s"]+\/([a-z_-]+)\/v\d/.exec(line)?.[1] ?? segment;
    operationNoun[i] = noun;
    urlSegment[i] = segment;
  }
  return { operationNoun, urlSegment };
}

/**
 * Ways to damage a documentation file, each named so that a run can say which
 * one made a case fail. They work on the text alone, whatever its format, but
 * look for the places where each format is fragile: brackets, table rows and
 * list items, headings, embedded JSON.
 */
import { visit } from "jsonc-parser";
import type { Random } from "./random.js";

export interface Mutation {
  name: string;
  /** Makes the input megabytes long: applied alone, never stacked. */
  large?: boolean;
  /** Whether it can damage this text; every text when absent. */
  appliesTo?: (text: string) => boolean;
  apply(text: string, random: Random): string;
}

/** "10 MB lines". */
export const HUGE_LINE_LENGTH = 10 * 1024 * 1024;
/**
 * Long enough for a pattern that backtracks to show (a quadratic one takes
 * seconds over it), short enough that the docs' largest files, so lengthened,
 * stay near their own size: the readers' time grows with the input's.
 */
export const LONG_LINE_LENGTH = 20_000;
/** A string value of a JSON document, which no line limit applies to. */
export const HUGE_VALUE_LENGTH = 1024 * 1024;
/** Deeper than any recursive JSON walker's stack. */
export const NESTING_DEPTH = 100_000;

const splitLines = (text: string) => text.split("\n");
const joinLines = (lines: readonly string[]) => lines.join("\n");
const insertAt = (text: string, offset: number, inserted: string) => text.slice(0, offset) + inserted + text.slice(offset);

function indicesOf(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(new RegExp(pattern.source, "g"))].map((m) => m.index);
}

const isJson = (text: string) => /^\s*[{[]/.test(text);

/** Where the strings of a JSON text are, keys and values, as its scanner finds them (damaged JSON included). */
function stringLiterals(text: string): { offset: number; length: number }[] {
  const found: { offset: number; length: number }[] = [];
  visit(text, {
    onObjectProperty: (_name, offset, length) => found.push({ offset, length }),
    onLiteralValue: (value, offset, length) => {
      if (typeof value === "string") found.push({ offset, length });
    },
  });
  return found;
}

/** Table rows and list items: pipe-table and HTML rows, JSON:API resource objects in a list. */
function rowSpans(text: string): { start: number; end: number }[] {
  if (isJson(text)) {
    const starts = indicesOf(text, /\{"type":/);
    return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.indexOf("}", start) + 1 }));
  }
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  for (const line of splitLines(text)) {
    if (/^\s*\|.*\|\s*$|<tr[\s>]/.test(line)) spans.push({ start: offset, end: offset + line.length + 1 });
    offset += line.length + 1;
  }
  return spans;
}

/** Headings: markdown `#`, HTML `<hN>`, a short line standing alone in text, a `"name"` in JSON. */
function headingSpans(text: string): { start: number; end: number }[] {
  if (isJson(text)) return [...text.matchAll(/"name":\s*"([^"\\]*)"/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const lines = splitLines(text);
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const standsAlone =
      (lines[i - 1] ?? "").trim() === "" && (lines[i + 1] ?? "").trim() === "" && /^[A-Z][\w ()&-]{2,60}$/.test(line.trim());
    if (/^#{1,6} |<h[1-6][\s>]/.test(line) || standsAlone) spans.push({ start: offset, end: offset + line.length });
    offset += line.length + 1;
  });
  return spans;
}

function removeSpan(text: string, span: { start: number; end: number }): string {
  return text.slice(0, span.start) + text.slice(span.end);
}

function duplicateSpan(text: string, span: { start: number; end: number }): string {
  return insertAt(text, span.end, text.slice(span.start, span.end));
}

/** Characters that break parsers and renderers: controls, lone surrogates, separators, markup. */
const HOSTILE_CHARACTERS = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udfff",
  "\u{1f600}",
  '"',
  "'",
  "`",
  "\\",
  "<",
  ">",
  "&",
  "|",
  "#",
  "*",
  "_",
  "{",
  "}",
  "[",
  "]",
  ":",
  ",",
  "\t",
  "\r",
  "\n",
];

function randomCharacters(random: Random, count: number): string {
  let out = "";
  for (let i = 0; i < count; i += 1) {
    out += random.chance(0.5) ? random.pick(HOSTILE_CHARACTERS) : String.fromCharCode(random.between(0x20, 0x7e));
  }
  return out;
}

/** Line contents that make a backtracking pattern or a recursive reader suffer. */
const HUGE_LINE_UNITS = ["a", "ab ", "| a ", "# ", "> ", "- ", "[", "*", "where[", "1", "\\", '{"a":', "<b>", "<div>", " "];

/** Nested arrays or objects, closed again, as JSON text. */
function nested(random: Random): string {
  return random.chance(0.5)
    ? "[".repeat(NESTING_DEPTH) + "]".repeat(NESTING_DEPTH)
    : '{"a":'.repeat(NESTING_DEPTH) + "1" + "}".repeat(NESTING_DEPTH);
}

/** JSON documents embed JSON as strings (a vertex's example object): a deep one there is parsed again. */
const EMBEDDED_JSON = /"(example|example_body)":\s*"(?=[{[])/g;

export const MUTATIONS: readonly Mutation[] = [
  { name: "truncate", apply: (text, random) => text.slice(0, random.int(text.length + 1)) },
  {
    name: "delete-line",
    apply: (text, random) => {
      const lines = splitLines(text);
      lines.splice(random.int(lines.length), 1);
      return joinLines(lines);
    },
  },
  {
    name: "duplicate-line",
    apply: (text, random) => {
      const lines = splitLines(text);
      const i = random.int(lines.length);
      lines.splice(i, 0, lines[i]!);
      return joinLines(lines);
    },
  },
  {
    name: "delete-bracket",
    apply: (text, random) => {
      const at = indicesOf(text, /[{}[\]]/);
      return at.length === 0 ? text : deleteAt(text, random.pick(at));
    },
  },
  {
    name: "duplicate-bracket",
    apply: (text, random) => {
      const at = indicesOf(text, /[{}[\]]/);
      if (at.length === 0) return text;
      const i = random.pick(at);
      return insertAt(text, i, text[i]!);
    },
  },
  {
    name: "delete-row",
    apply: (text, random) => {
      const rows = rowSpans(text);
      return rows.length === 0 ? text : removeSpan(text, random.pick(rows));
    },
  },
  {
    name: "duplicate-row",
    apply: (text, random) => {
      const rows = rowSpans(text);
      return rows.length === 0 ? text : duplicateSpan(text, random.pick(rows));
    },
  },
  {
    name: "swap-headings",
    apply: (text, random) => {
      const headings = headingSpans(text);
      if (headings.length < 2) return text;
      const first = random.int(headings.length);
      let second = random.int(headings.length - 1);
      if (second >= first) second += 1;
      const [a, b] = [headings[first]!, headings[second]!].sort((x, y) => x.start - y.start) as [
        (typeof headings)[0],
        (typeof headings)[0],
      ];
      return (
        text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end)
      );
    },
  },
  {
    name: "random-bytes",
    apply: (text, random) => insertAt(text, random.int(text.length + 1), randomCharacters(random, random.between(1, 32))),
  },
  { name: "bom", apply: (text, random) => (random.chance(0.5) ? `\ufeff${text}` : insertAt(text, random.int(text.length + 1), "\ufeff")) },
  { name: "line-endings", apply: (text, random) => text.replace(/\r?\n/g, random.chance(0.7) ? "\r\n" : "\r") },
  {
    name: "nul",
    apply: (text, random) => {
      let out = text;
      for (let n = random.between(1, 8); n > 0; n -= 1) out = insertAt(out, random.int(out.length + 1), "\u0000");
      return out;
    },
  },
  {
    name: "huge-line",
    large: true,
    apply: (text, random) => {
      const unit = random.pick(HUGE_LINE_UNITS);
      const line = unit.repeat(Math.ceil(HUGE_LINE_LENGTH / unit.length));
      return insertAt(text, random.int(text.length + 1), `\n${line}\n`);
    },
  },
  {
    name: "long-line",
    apply: (text, random) => {
      // The line keeps its start, so that it still reads as a heading, a row or a request.
      const lines = splitLines(text);
      const i = random.int(lines.length);
      const unit = random.pick(HUGE_LINE_UNITS);
      const start = lines[i]!.slice(0, 40);
      lines[i] = start + unit.repeat(Math.floor((LONG_LINE_LENGTH - start.length) / unit.length));
      return joinLines(lines);
    },
  },
  {
    name: "huge-value",
    large: true,
    appliesTo: (text) => isJson(text),
    apply: (text, random) => {
      const strings = stringLiterals(text);
      if (strings.length === 0) return text;
      const chosen = random.pick(strings);
      const unit = random.pick(HUGE_LINE_UNITS).replace(/["\\]/g, "");
      const value = (unit || "a").repeat(Math.ceil(HUGE_VALUE_LENGTH / (unit.length || 1)));
      // The value keeps its start (a path, a name), then goes on for a megabyte.
      const start = text.slice(chosen.offset + 1, chosen.offset + 20).split(/["\\]/)[0];
      return `${text.slice(0, chosen.offset + 1)}${start}${value}"${text.slice(chosen.offset + chosen.length)}`;
    },
  },
  {
    name: "deep-nesting",
    large: true,
    apply: (text, random) => {
      const embedded = [...text.matchAll(EMBEDDED_JSON)].map((m) => m.index + m[0].length);
      if (embedded.length > 0 && random.chance(0.5)) {
        // Replace the embedded document's text up to its closing quote with a deep one.
        const start = random.pick(embedded);
        const end = closingQuote(text, start);
        return text.slice(0, start) + nested(random).replace(/"/g, '\\"') + text.slice(end);
      }
      const openers = isJson(text) ? jsonOpeners(text) : indicesOf(text, /[{[]/);
      if (openers.length === 0) return insertAt(text, random.int(text.length + 1), nested(random));
      const at = random.pick(openers) + 1;
      const member = text[at - 1] === "{" ? `"fuzz":${nested(random)}` : nested(random);
      const empty = /^\s*[}\]]/.test(text.slice(at, at + 16));
      return insertAt(text, at, empty ? member : `${member},`);
    },
  },
];

function deleteAt(text: string, index: number): string {
  return text.slice(0, index) + text.slice(index + 1);
}

/** Where JSON text opens an object or array (not inside a string), so that what is nested there stays JSON. */
function jsonOpeners(text: string): number[] {
  const openers: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") openers.push(i);
  }
  return openers;
}

/** The end of a JSON string whose content starts at `start`. */
function closingQuote(text: string, start: number): number {
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === "\\") i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** One mutation that can damage the text, or two to four small ones in a row. */
export function chooseMutations(random: Random, text: string): Mutation[] {
  const applicable = MUTATIONS.filter((m) => m.appliesTo?.(text) ?? true);
  if (random.chance(0.8)) return [random.pick(applicable)];
  const small = applicable.filter((m) => !m.large);
  return Array.from({ length: random.between(2, 4) }, () => random.pick(small));
}

/**
 * JSON text with positions. `JSON.parse` is fast but knows no positions; when a
 * diagnostic needs one, a JSON pointer is found in the text (`json-locate.ts`),
 * and where the text does not parse, jsonc-parser (the parser behind VS Code's
 * JSON support) finds its first error.
 */
import { createRequire } from "node:module";
import { lineIndex, pathLocator, skipString } from "./json-locate.js";
import { printableLine } from "./util/printable.js";
import { positionAt } from "./util/text-position.js";

export interface Position {
  line: number;
  column: number;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string; position: Position };

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/**
 * The deepest nesting a document may have. The docs' documents are 11 levels
 * deep and their examples 5; a value nested thousands of levels deep would
 * overflow the stack of every recursive step after parsing (serializing a
 * spec, validating it, rendering an example), so it is refused here.
 */
export const MAX_JSON_DEPTH = 100;

/** The text without its byte order mark, if it starts with one: JSON has none, and `JSON.parse` refuses it. */
const withoutByteOrderMark = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export function parseJson(text: string): JsonParseResult {
  return parseNestedAtMost(text, MAX_JSON_DEPTH, true);
}

/**
 * `parseJson` with a bound of `maxDepth` levels, for a document whose values are read only at the places its reader expects
 * them and never walked to their depth (an OpenAPI document): there, depth costs nothing but `JSON.parse`'s own time, which
 * stays within tens of milliseconds up to 100,000 levels and grows to seconds past millions. The depth is measured only
 * where the text holds more opening brackets than `maxDepth` (counted anywhere, strings included, they bound the depth): the
 * count costs a tenth of the parse, the measure more than half of it.
 */
export function parseJsonNestedAtMost(text: string, maxDepth: number): JsonParseResult {
  return parseNestedAtMost(text, maxDepth, openingBrackets(text, maxDepth) > maxDepth);
}

function parseNestedAtMost(text: string, maxDepth: number, measure: boolean): JsonParseResult {
  const body = withoutByteOrderMark(text);
  const bomShift = body === text ? 0 : 1;
  // Measured before parsing: over millions of open brackets, JSON.parse takes seconds and gigabytes only to fail at the end.
  const tooDeep = measure ? tooDeepAt(body, maxDepth) : undefined;
  if (tooDeep !== undefined) {
    return { ok: false, message: `nested more than ${maxDepth} levels deep`, position: positionAt(text, tooDeep + bomShift) };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const offset = errorOffset(body, error);
    return {
      ok: false,
      message: describeSyntaxError(error),
      position: positionAt(text, Math.min(offset + bomShift, text.length)),
    };
  }
}

function describeSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 appends the position or an excerpt of the text: the diagnostic carries its own position, and the excerpt is the
  // input's own bytes, lines and control characters included, which have no place in a one-line message.
  const placeless = withoutExcerpt(message)
    .replace(/,? (?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/, "")
    .replace(/^(Unexpected[^:]*|Expected[^:]*): "[\s\S]*$/, "$1");
  return printableLine(placeless).trim();
}

/** V8's `Unexpected token 'x', "…x…" is not valid JSON`, without its excerpt: `Unexpected token 'x'`. */
function withoutExcerpt(message: string): string {
  if (!message.endsWith(" is not valid JSON")) return message;
  const excerpt = message.search(/, (?:\.\.\.)?"/);
  return excerpt === -1 ? message : message.slice(0, excerpt);
}

/** Where in JSON text, valid or not, the nesting first goes deeper than `maxDepth`, if it does: one pass, no parse. */
function tooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // A string is skipped to its closing quote by indexOf, not character by character: most of a document is strings.
    if (c === 0x22) i = skipString(text, i) - 1;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return undefined;
}

/** How many `[` and `{` the text holds, counted up to one more than `atMost`. */
function openingBrackets(text: string, atMost: number): number {
  let count = 0;
  for (const bracket of ["[", "{"]) {
    for (let i = text.indexOf(bracket); i !== -1 && count <= atMost; i = text.indexOf(bracket, i + 1)) count += 1;
  }
  return count;
}

/** jsonc-parser, loaded only for a document that does not parse: every command reads JSON, and almost all of it is valid. */
const jsoncParser = (): typeof import("jsonc-parser") => createRequire(import.meta.url)("jsonc-parser") as typeof import("jsonc-parser");

/** Where parsing failed: V8's message says so for most errors; otherwise the first error jsonc-parser meets. */
function errorOffset(text: string, error: unknown): number {
  const match = /at position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (match) return Number(match[1]);
  const FIRST_ERROR = Symbol("first error");
  const blanks = shortenedBlanks(text);
  let offset = blanks.text.length;
  try {
    // Stops at the first error: scanning on through megabytes of damage would report nothing more.
    const stopAtFirstError = (_code: number, at: number) => {
      offset = at;
      throw FIRST_ERROR;
    };
    jsoncParser().visit(blanks.text, { onError: stopAtFirstError }, STRICT);
  } catch (stopped) {
    if (stopped !== FIRST_ERROR) return 0;
  }
  return blanks.original(offset);
}

/** Runs of spaces and tabs longer than this are shortened: far longer than any indentation of the docs. */
const LONGEST_BLANKS = 64;

const isBlank = (code: number): boolean => code === 0x20 || code === 0x09;

/**
 * The text with every run of more than `LONGEST_BLANKS` spaces and tabs
 * shortened to its first character, and a function from an offset in it to
 * the same place in the text. jsonc-parser builds a string of every run of
 * blanks it skips, a character at a time: a run of megabytes takes it
 * seconds and a gigabyte. Shortening one changes no token and no error: a
 * space is the same inside a string as outside, and before the first error
 * every tab is outside strings (a tab in a string is an error V8 places
 * itself). A loop, not a regular expression: one over a run of megabytes
 * overflows V8's stack.
 */
function shortenedBlanks(text: string): { text: string; original: (offset: number) => number } {
  const kept: string[] = [];
  // For each shortened run: where the text after it starts in the shortened text, and how much was cut up to there.
  const cuts: { from: number; cut: number }[] = [];
  let keptUpTo = 0;
  let cut = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!isBlank(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isBlank(text.charCodeAt(end))) end += 1;
    if (end - i > LONGEST_BLANKS) {
      kept.push(text.slice(keptUpTo, i + 1));
      keptUpTo = end;
      cuts.push({ from: i + 1 - cut, cut: cut + (end - i - 1) });
      cut += end - i - 1;
    }
    i = end - 1;
  }
  if (cuts.length === 0) return { text, original: (offset) => offset };
  kept.push(text.slice(keptUpTo));
  const original = (offset: number): number => {
    let shift = 0;
    for (const entry of cuts) {
      if (entry.from > offset) break;
      shift = entry.cut;
    }
    return offset + shift;
  };
  return { text: kept.join(""), original };
}

/** RFC 6901 pointer from path segments: `["data", "relationships", 0]` → `/data/relationships/0`. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/**
 * Returns a function from a JSON path to the position of that value in the
 * text, or of its nearest existing parent. No tree of the document is built:
 * lookups walk the text along their path (json-locate.ts), and lines are
 * indexed once.
 */
export function jsonLocator(text: string): (path: readonly (string | number)[]) => Position | undefined {
  let located: { offsetOf: ReturnType<typeof pathLocator>; positionOf: ReturnType<typeof lineIndex> } | undefined;
  return (path) => {
    located ??= { offsetOf: pathLocator(text), positionOf: lineIndex(text) };
    return located.positionOf(located.offsetOf(path));
  };
}

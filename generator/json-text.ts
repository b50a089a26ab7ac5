/**
 * JSON text with positions. `JSON.parse` is fast but knows no positions; when a
 * diagnostic needs one, a JSON pointer is found in the text (`json-locate.ts`),
 * and where the text does not parse, jsonc-parser (the parser behind VS Code's
 * JSON support) finds its first error.
 */
import { createRequire } from "node:module";
import { lineIndex, pathLocator } from "./json-locate.js";

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

export function parseJson(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const value: unknown = JSON.parse(body);
    const tooDeep = tooDeepAt(body);
    if (tooDeep === undefined) return { ok: true, value };
    return {
      ok: false,
      message: `nested more than ${MAX_JSON_DEPTH} levels deep`,
      position: positionAt(text, tooDeep + (body === text ? 0 : 1)),
    };
  } catch (error) {
    const offset = errorOffset(body, error);
    const bomShift = body === text ? 0 : 1;
    return {
      ok: false,
      message: describeSyntaxError(error),
      position: positionAt(text, Math.min(offset + bomShift, text.length)),
    };
  }
}

function describeSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 appends the position and sometimes an excerpt; the diagnostic carries its own position.
  return message
    .replace(/,? (?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/, "")
    .replace(/^(Unexpected[^:]*|Expected[^:]*): "[\s\S]*$/, "$1")
    .trim();
}

/** Where in valid JSON text the nesting first goes deeper than allowed, if it does. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return undefined;
}

/** jsonc-parser, loaded only for a document that does not parse: every command reads JSON, and almost all of it is valid. */
const jsoncParser = (): typeof import("jsonc-parser") => createRequire(import.meta.url)("jsonc-parser") as typeof import("jsonc-parser");

/** Where parsing failed: V8's message says so for most errors; otherwise the first error jsonc-parser meets. */
function errorOffset(text: string, error: unknown): number {
  const match = /at position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (match) return Number(match[1]);
  const FIRST_ERROR = Symbol("first error");
  let offset = text.length;
  try {
    // Stops at the first error: scanning on through megabytes of damage would report nothing more.
    const stopAtFirstError = (_code: number, at: number) => {
      offset = at;
      throw FIRST_ERROR;
    };
    jsoncParser().visit(text, { onError: stopAtFirstError }, STRICT);
  } catch (stopped) {
    if (stopped !== FIRST_ERROR) return 0;
  }
  return offset;
}

/** 1-based line and column of a UTF-16 offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
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

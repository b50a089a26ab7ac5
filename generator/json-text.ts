/**
 * JSON text with positions. `JSON.parse` is fast but knows no positions; when a
 * diagnostic needs one, jsonc-parser (the parser behind VS Code's JSON support)
 * maps a JSON pointer or an error offset back to a line and column.
 */
import { findNodeAtLocation, parseTree, type ParseError } from "jsonc-parser";

export interface Position {
  line: number;
  column: number;
}

export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; position: Position };

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export function parseJson(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
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

function errorOffset(text: string, error: unknown): number {
  const match = /at position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (match) return Number(match[1]);
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, STRICT);
  } catch {
    return 0;
  }
  return errors[0]?.offset ?? text.length;
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
 * Returns a function from a JSON pointer to the position of that value in the
 * text, or of its nearest existing parent. The tree is built on first use only.
 */
export function jsonLocator(text: string): (path: readonly (string | number)[]) => Position | undefined {
  let root: ReturnType<typeof parseTree> | null = null;
  return (path) => {
    if (root === null) {
      try {
        root = parseTree(text, [], STRICT);
      } catch {
        root = undefined;
      }
    }
    if (root === undefined) return undefined;
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
      if (node) return positionAt(text, node.parent?.type === "property" ? node.parent.offset : node.offset);
    }
    return undefined;
  };
}


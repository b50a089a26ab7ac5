/**
 * The readers' one policy for a type cell they cannot take as written. A
 * known synonym (`int`, `Boolean`, a Ruby class such as `DateTime`) is
 * repaired to the annotation it means, keeping the docs' spelling; anything
 * else (an empty cell, an internal class name, a word the docs never define)
 * costs that one fact: the attribute stays, typed `unknown` unless its example
 * value says more. Either way the reader warns, naming both spellings, and
 * `--strict` turns the warning into an error.
 */
import { ATTRIBUTE_TYPES, type AttributeType } from "../spec/types.js";

/** Spellings the docs (or the software behind them) use for an annotation. Keys are lower case. */
const SYNONYMS: Readonly<Record<string, AttributeType>> = {
  int: "integer",
  fixnum: "integer",
  bignum: "integer",
  number: "float",
  decimal: "float",
  bigdecimal: "float",
  double: "float",
  bool: "boolean",
  trueclass: "boolean",
  falseclass: "boolean",
  str: "string",
  text: "string",
  symbol: "string",
  datetime: "date_time",
  "date-time": "date_time",
  timestamp: "date_time",
  time: "date_time",
  "activesupport::timewithzone": "date_time",
  dict: "hash",
  map: "hash",
  list: "array",
  currency: "currency_abbreviation",
  id: "primary_key",
};

export type TypeReading =
  | { kind: "documented"; type: AttributeType }
  /** A synonym: the annotation it means, and the docs' spelling. */
  | { kind: "repaired"; type: AttributeType; written: string }
  /** Nothing the reader understands: empty, a class name, an unknown word. */
  | { kind: "unreadable"; written: string; why: string };

export function readTypeCell(text: string): TypeReading {
  const written = text
    .trim()
    .replace(/^`(.*)`$/, "$1")
    .trim();
  if ((ATTRIBUTE_TYPES as readonly string[]).includes(written)) return { kind: "documented", type: written as AttributeType };
  if (written === "") return { kind: "unreadable", written, why: "the type cell is empty" };
  const lower = written.toLowerCase();
  if ((ATTRIBUTE_TYPES as readonly string[]).includes(lower)) return { kind: "repaired", type: lower as AttributeType, written };
  const synonym = Object.hasOwn(SYNONYMS, lower) ? SYNONYMS[lower] : undefined;
  if (synonym !== undefined) return { kind: "repaired", type: synonym, written };
  if (/^[A-Z][A-Za-z0-9]*(::[A-Z][A-Za-z0-9]*)+$/.test(written) || /^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$/.test(written)) {
    return { kind: "unreadable", written, why: `"${written}" is a class name, not a type annotation` };
  }
  return { kind: "unreadable", written, why: `"${written}" is not a type annotation the docs define` };
}

/** The message of a repair or degradation, naming the docs' spelling and what the spec holds instead. */
export function typeRepairMessage(
  label: string,
  reading: Exclude<TypeReading, { kind: "documented" }>,
  kept: AttributeType,
  inferred: boolean,
): string {
  if (reading.kind === "repaired") return `${label}: the type "${reading.written}" is read as "${kept}"`;
  return `${label}: ${reading.why}; typed "${kept}"${inferred ? " from its example value" : ""}`;
}

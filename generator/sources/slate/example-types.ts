/**
 * Attribute types from the docs' example objects. The docs' generator writes
 * each attribute's sample value from its type annotation: `"string"`, `1`,
 * `1.42`, `true`, `"2000-01-01T12:00:00Z"`, `[]`... A value determines an
 * annotation only where the docs use that shape for one annotation alone;
 * `{}` (hash, object or json), `null` and free text (`"USD"`, `"Visa"`)
 * determine none, and the type is left to the docs' tables or to `unknown`.
 */
import { ATTRIBUTE_TYPES, type AttributeType } from "../../spec/types.js";

/** Sample strings that name their annotation. */
const NAMED: Readonly<Record<string, AttributeType>> = {
  string: "string",
  primary_key: "primary_key",
  unknown: "unknown",
};

/** The docs' date and date-time formats ("Dates & Times": YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ). */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function typeOfExampleValue(value: unknown): AttributeType | undefined {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "float";
  if (Array.isArray(value)) return "array";
  if (typeof value !== "string") return undefined;
  if (Object.hasOwn(NAMED, value)) return NAMED[value];
  if (DATE_TIME.test(value)) return "date_time";
  if (DATE.test(value)) return "date";
  return undefined;
}

/** What the 2017-2018 generator printed where an annotation was missing. */
const UNKNOWN_MARKER = "graph/type_annotation/unknown_type_annotation";

/**
 * A type written in a docs table (`string`, `_date_time_`), as an annotation.
 * The generator printed a missing annotation as
 * `graph/type_annotation/unknown_type_annotation`: that is `unknown`. The
 * built page's renderer read some underscores as emphasis (`_primary_key_`
 * became `<em>primary</em>key_`); a type that is an annotation once
 * underscores are ignored is that annotation, and `repaired` says so.
 */
export function tableType(text: string): { type: string; repaired?: boolean } {
  const written = text.trim();
  if (written === UNKNOWN_MARKER) return { type: "unknown" };
  if ((ATTRIBUTE_TYPES as readonly string[]).includes(written)) return { type: written };
  const key = withoutUnderscores(written);
  if (key === withoutUnderscores(UNKNOWN_MARKER)) return { type: "unknown", repaired: true };
  const annotation = ATTRIBUTE_TYPES.find((t) => withoutUnderscores(t) === key);
  return annotation === undefined ? { type: written } : { type: annotation, repaired: true };
}

function withoutUnderscores(text: string): string {
  return text.replace(/_/g, "");
}

/** The sample values the docs' generator writes for an annotation: a value like these states the type. */
const CONVENTIONAL: readonly unknown[] = [true, 1, 1.42, "string", "primary_key", "unknown", "2000-01-01T12:00:00Z", "2000-01-01"];

/**
 * A type from an example value, and whether it is only inferred: a realistic
 * value (`"USD"`, `12`, `false`, `"2017-06-01T09:30:00Z"`) is evidence of its
 * JSON type, not the docs' annotation. An object or `null` says too little.
 */
export function exampleEvidence(value: unknown): { type: AttributeType; inferred: boolean } | undefined {
  const named = typeOfExampleValue(value);
  const conventional = CONVENTIONAL.includes(value) || (Array.isArray(value) && value.length === 0);
  if (named !== undefined) return { type: named, inferred: !conventional };
  if (typeof value === "string") return { type: "string", inferred: true };
  return undefined;
}

/**
 * OpenAPI schema types → the spec's attribute vocabulary. The official
 * documents know only JSON Schema's types and three formats (`date`,
 * `date-time`, `double`); every mapped type keeps the OpenAPI type it came
 * from (`mappedFrom`), so that a reader of the spec can tell a type the
 * documentation API wrote from one inferred here.
 */
import type { AttributeType } from "../../spec/types.js";

export interface MappedType {
  type: AttributeType;
  /** `openapi string/date-time`: the vocabulary and words it was mapped from. */
  mappedFrom: string;
  /** False where the OpenAPI type says nothing the spec can use (no type at all). */
  understood: boolean;
}

export function mapSchemaType(schema: Readonly<Record<string, unknown>>): MappedType {
  const type = typeof schema["type"] === "string" ? schema["type"] : undefined;
  const format = typeof schema["format"] === "string" ? schema["format"] : undefined;
  const mappedFrom = `openapi ${type ?? "(no type)"}${format === undefined ? "" : `/${format}`}`;
  const mapped = mappedType(type, format);
  return mapped === undefined ? { type: "unknown", mappedFrom, understood: false } : { type: mapped, mappedFrom, understood: true };
}

function mappedType(type: string | undefined, format: string | undefined): AttributeType | undefined {
  switch (type) {
    case "string":
      return format === "date-time" ? "date_time" : format === "date" ? "date" : "string";
    case "integer":
      return "integer";
    case "number":
      return "float";
    case "boolean":
      return "boolean";
    case "array":
      return "array";
    case "object":
      return "hash";
    default:
      return undefined;
  }
}

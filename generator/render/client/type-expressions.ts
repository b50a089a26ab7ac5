/**
 * TypeScript type expressions for the docs' types: attributes (read and
 * assigned), where parameters, and action bodies inferred from the docs'
 * example. Every expression here is built from `pco.` runtime types, keywords
 * and literals only, so that no name a resource takes can change its meaning.
 */
import type { Attribute, AttributeType } from "../../spec/types.js";
import { propertyKey, stringLiteral } from "./ts-text.js";

const ATTRIBUTE_TYPE: Record<AttributeType, string> = {
  primary_key: "string",
  string: "string",
  currency_abbreviation: "string",
  integer: "number",
  float: "number",
  boolean: "boolean",
  date: "string",
  date_time: "string",
  array: "unknown[]",
  hash: "{ [key: string]: unknown }",
  json: "{ [key: string]: unknown }",
  object: "{ [key: string]: unknown }",
  repeatable_schedule: "unknown",
  unknown: "unknown",
};

/** How an attribute reads. Any attribute but the id may be null. */
export function attributeType(attribute: Pick<Attribute, "name" | "type">): string {
  const type = ATTRIBUTE_TYPE[attribute.type];
  return attribute.type === "primary_key" || type === "unknown" ? type : `${type} | null`;
}

/**
 * How an assignable attribute is written. An assignable name that is not an
 * attribute is a relationship's id (`gender_id`) or ids (`team_ids`).
 */
export function assignableType(name: string, attribute: Attribute | undefined): string {
  if (attribute !== undefined) return attributeType(attribute);
  if (/_ids$/.test(name)) return "readonly pco.Id[]";
  if (/_id$/.test(name)) return "pco.Id | null";
  return "unknown";
}

/** What `where[name]` takes, by the where parameter's documented type. */
export function whereType(type: string): string {
  switch (type) {
    case "string":
    case "currency_abbreviation":
      return "pco.WhereText";
    case "integer":
    case "float":
      return "pco.WhereNumber";
    case "date":
    case "date_time":
      return "pco.WhereDate";
    case "boolean":
      return "boolean";
    case "primary_key":
      return "pco.Id";
    default:
      return "pco.WhereValue";
  }
}

/** A literal union of names, or `never` for none. */
export function literalUnion(names: readonly string[]): string {
  return names.length === 0 ? "never" : names.map(stringLiteral).join(" | ");
}

/**
 * The type of an example value: the docs give an example body, not a schema,
 * so every property is optional and arrays take their first element's type.
 */
export function exampleType(value: unknown, depth = 0): string {
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (depth >= 4 || value === null || value === undefined) return "unknown";
  if (Array.isArray(value)) return value.length === 0 ? "readonly unknown[]" : `readonly (${exampleType(value[0], depth + 1)})[]`;
  if (typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{ [key: string]: unknown }";
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}?: ${exampleType(v, depth + 1)};`).join(" ")} }`;
  }
  return "unknown";
}

/** An action's attributes and JSON:API type, when its example body is `{ data: { type?, attributes } }`. */
export function actionBody(example: unknown): { attributes: string; type?: string } {
  const data = isRecord(example) ? example.data : undefined;
  if (isRecord(data) && isRecord(data.attributes)) {
    return { attributes: exampleType(data.attributes), ...(typeof data.type === "string" ? { type: data.type } : {}) };
  }
  return { attributes: "{ [key: string]: unknown }" };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The docs' type annotations as JSON Schema.
 *
 * - primary_key is a string: JSON:API ids are strings, and the docs' examples
 *   write primary keys as strings.
 * - hash, object and repeatable_schedule are objects: the docs describe and
 *   exemplify each as a JSON object (a schedule is "JSON representation of the
 *   billing schedule").
 * - json is any JSON value: the annotation promises JSON, not an object, and
 *   one of the docs' examples is the string "json".
 * - unknown promises nothing.
 *
 * The docs never say which attributes may be null, and the API returns null
 * for unset ones, so a returned or assigned attribute may always be null.
 */
import type { Attribute, AttributeType } from "../../spec/types.js";
import { typeOriginNote } from "../type-origin-note.js";
import { OPEN_OBJECT, type Schema } from "./model.js";

const VALUE_SCHEMAS: Record<AttributeType, Schema> = {
  primary_key: { type: "string" },
  string: { type: "string" },
  integer: { type: "integer" },
  float: { type: "number" },
  boolean: { type: "boolean" },
  date: { type: "string", format: "date" },
  date_time: { type: "string", format: "date-time" },
  array: { type: "array", items: {} },
  hash: OPEN_OBJECT,
  json: {},
  object: OPEN_OBJECT,
  currency_abbreviation: { type: "string" },
  repeatable_schedule: OPEN_OBJECT,
  unknown: {},
};

/**
 * Extension keywords this renderer puts inside schemas. JSON Schema validators
 * in strict mode must be told about them (ajv: `addVocabulary`).
 */
export const SCHEMA_EXTENSION_KEYWORDS = ["x-pco-type", "x-pco-permission", "x-pco-authorization"] as const;

function nullable(schema: Schema): Schema {
  const { type, ...rest } = schema;
  return type === undefined ? schema : { type: [type, "null"], ...rest };
}

/** An attribute in a resource object or a request body. */
export function attributeSchema(attribute: Attribute): Schema {
  const description = [attribute.description, attribute.note, typeOriginNote(attribute)]
    .filter((t) => t !== undefined && t !== "")
    .join("\n\n");
  return {
    ...nullable(VALUE_SCHEMAS[attribute.type]),
    ...(description === "" ? {} : { description }),
    "x-pco-type": attribute.type,
    ...(attribute.permission === undefined ? {} : { "x-pco-permission": attribute.permission }),
  };
}

/** An attribute the docs list as assignable without documenting it: nothing is known of its value. */
export function undocumentedAttributeSchema(): Schema {
  return { description: "Assignable, though not documented among the attributes." };
}

/** Types whose values are ordered, so that `where[x][gt]` and the like make sense. */
const ORDERED: ReadonlySet<string> = new Set(["date", "date_time", "integer", "float"]);

export const isOrderedType = (type: string): boolean => ORDERED.has(type);

/**
 * The value of a `where[...]` query parameter. A query string carries text, so
 * types without a query form (hash, json, unknown...) are strings.
 */
export function queryValueSchema(type: string): Schema {
  switch (type) {
    case "integer":
    case "float":
    case "boolean":
    case "date":
    case "date_time":
      return VALUE_SCHEMAS[type];
    default:
      return { type: "string" };
  }
}

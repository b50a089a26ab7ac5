/**
 * Whether a value sent in a create or update fits the docs' type annotation
 * of the attribute it sets, checked by ajv (with ajv-formats for the ISO 8601
 * dates and times), and how to say what was expected. `null` clears any
 * attribute. Types the docs leave open (json, repeatable_schedule, unknown)
 * take any value.
 */
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { AttributeType } from "../spec/types.js";

const SCHEMAS: Record<AttributeType, object> = {
  primary_key: { type: ["string", "integer"] },
  string: { type: "string" },
  integer: { type: "integer" },
  float: { type: "number" },
  boolean: { type: "boolean" },
  date: { type: "string", format: "date" },
  // The docs: "Set to an ISO 8601 date or time".
  date_time: { type: "string", anyOf: [{ format: "date-time" }, { format: "date" }] },
  array: { type: "array" },
  hash: { type: "object" },
  object: { type: "object" },
  json: {},
  currency_abbreviation: { type: "string" },
  repeatable_schedule: {},
  unknown: {},
};

const EXPECTED: Record<AttributeType, string> = {
  primary_key: "an id",
  string: "a string",
  integer: "an integer",
  float: "a number",
  boolean: "true or false",
  date: "a date (YYYY-MM-DD)",
  date_time: "a date and time (YYYY-MM-DDTHH:MM:SSZ)",
  array: "an array",
  hash: "an object",
  object: "an object",
  json: "any JSON value",
  currency_abbreviation: "a currency code such as USD",
  repeatable_schedule: "any JSON value",
  unknown: "any JSON value",
};

let ajv: Ajv | undefined;
const validators = new Map<AttributeType, ValidateFunction>();

export function fitsType(type: AttributeType, value: unknown): boolean {
  if (value === null) return true;
  let validate = validators.get(type);
  if (validate === undefined) {
    ajv ??= addFormats.default(new Ajv({ strict: true }), ["date", "date-time"]);
    validate = ajv.compile(SCHEMAS[type]);
    validators.set(type, validate);
  }
  return validate(value);
}

export function expectedOf(type: AttributeType): string {
  return EXPECTED[type];
}

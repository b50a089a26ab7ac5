/**
 * The build's copy of the validators every run needs (`dist/validators.json`,
 * shipped in the package): the spec schema's and the overrides file's, as
 * ajv's standalone code by `validatorKey`. A first `scrape` or `generate`
 * then evaluates them instead of compiling the schemas.
 */
import type { Options } from "ajv";
import { PREBUILT_FORMAT, PREBUILT_VALIDATORS, standaloneValidator, validatorKey } from "../util/cached-validator.js";
import { OVERRIDES_SCHEMA, OVERRIDES_VALIDATOR_OPTIONS } from "./overrides.js";
import { specSchema } from "./schema.js";
import { SPEC_VALIDATOR_OPTIONS } from "./spec-validator.js";
import { writeWholeSync } from "../util/write-whole.js";

const SCHEMAS: readonly (readonly [object, Options])[] = [
  [specSchema, SPEC_VALIDATOR_OPTIONS],
  [OVERRIDES_SCHEMA, OVERRIDES_VALIDATOR_OPTIONS],
];

export function writePrebuiltValidators(file = PREBUILT_VALIDATORS): void {
  const validators = Object.fromEntries(SCHEMAS.map(([schema, options]) => [validatorKey(schema, options), standaloneValidator(schema, options)]));
  writeWholeSync(file, [JSON.stringify({ format: PREBUILT_FORMAT, validators })]);
}

/** The spec schema's validator, compiled once and kept in the cache (`cached-validator.ts`). */
import type { ValidateFunction } from "ajv";
import { cachedValidator } from "../util/cached-validator.js";
import { specSchema } from "./schema.js";

export const SPEC_VALIDATOR_OPTIONS = { allErrors: true, strict: true } as const;

export function compileSpecValidator(): ValidateFunction {
  return cachedValidator(specSchema, SPEC_VALIDATOR_OPTIONS);
}

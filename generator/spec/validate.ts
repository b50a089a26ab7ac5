/**
 * Validation of a spec against its JSON Schema (ajv), reported as diagnostics
 * that name the spec file and the JSON pointer of each violation.
 */
import type { ValidateFunction } from "ajv";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { compileSpecValidator } from "./spec-validator.js";

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= compileSpecValidator();
  return compiled;
}

/** Makes the validator now, ahead of the first spec: for a caller with time to spare before it has one. */
export function prepareSpecValidator(): void {
  validator();
}

/** Diagnostics for every schema violation of `spec`, reported against `file`. */
export function validateSpec(spec: unknown, file: string): Diagnostic[] {
  const validate = validator();
  if (validate(spec)) return [];
  return (validate.errors ?? []).map((e) =>
    diagnostic("error", "SPEC_SCHEMA", `${e.instancePath || "/"} ${e.message ?? "is invalid"}`, {
      file,
      pointer: e.instancePath,
    }),
  );
}

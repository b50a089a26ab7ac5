/**
 * What the Slate reader's worker thread is given and answers. Everything
 * crosses the thread boundary by structured clone, which keeps plain data
 * only: an error is sent as what the command line needs of it (its message,
 * and for a refusal of the docs, its exit code and diagnostics) and rebuilt
 * on the other side, so that a failure off the main thread reads as the same
 * failure on it.
 */
import { GeneratorError, type Diagnostic } from "../../diagnostics.js";
import type { VersionChoice } from "../portal/versions.js";
import type { SourceRead } from "../reader-result.js";
import type { SourceOperand } from "../source-operand.js";

/** The worker's `workerData`: local Slate sources, read one after another in this order. */
export interface SlateWorkerInput {
  sources: SourceOperand[];
  options: { apps?: string[]; versions: VersionChoice };
}

/** A source that could not be read: refused with a message for the user, or an internal error. */
export type ReadFailure =
  { kind: "refused"; message: string; exitCode: 1 | 2; diagnostics: Diagnostic[] } | { kind: "internal"; message: string; stack?: string };

/** One answer per source, by its index in `SlateWorkerInput.sources`. */
export type SlateWorkerMessage = { index: number; read: SourceRead } | { index: number; failure: ReadFailure };

export function failureOf(error: unknown): ReadFailure {
  if (error instanceof GeneratorError) {
    return { kind: "refused", message: error.message, exitCode: error.exitCode, diagnostics: error.diagnostics };
  }
  if (error instanceof Error) return { kind: "internal", message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { kind: "internal", message: String(error) };
}

export function errorOf(failure: ReadFailure): Error {
  if (failure.kind === "refused") {
    return new GeneratorError(failure.message, { exitCode: failure.exitCode, diagnostics: failure.diagnostics });
  }
  const error = new Error(failure.message);
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}

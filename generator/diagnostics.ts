import { compareText } from "./util/order.js";
import { printableLine } from "./util/printable.js";

/**
 * Problems found in the documentation or the environment, with where they were found.
 * Stages collect them and return them; only the CLI prints them.
 */

export type Severity = "error" | "warning" | "info";

/** Where in an input something was found. `file` is as the user gave it (relative), or a URL. */
export interface Origin {
  file: string;
  line?: number;
  column?: number;
  /** A JSON pointer into the document, when the input is JSON. */
  pointer?: string;
}

export interface Diagnostic extends Origin {
  severity: Severity;
  /** A stable, upper-case code such as `PORTAL_INVALID_JSON`. */
  code: string;
  message: string;
}

/** What every stage returns. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/**
 * A failure the tool cannot continue past (unreachable docs, unreadable folder).
 * `exitCode` follows the CLI's convention: 1 for problems in the docs, 2 for
 * "could not run at all".
 */
export class GeneratorError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: 1 | 2;

  constructor(message: string, options: { diagnostics?: Diagnostic[]; exitCode?: 1 | 2; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "GeneratorError";
    this.diagnostics = options.diagnostics ?? [];
    this.exitCode = options.exitCode ?? 2;
  }
}

export function diagnostic(severity: Severity, code: string, message: string, origin: Origin): Diagnostic {
  return { severity, code, message, ...origin };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === "error");

/**
 * `file:line:col: severity CODE: message (at /pointer)`, the format editors and CI annotate: one line, whatever the docs put
 * in a name or a message (`printableLine`).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const position = d.line === undefined ? "" : `:${d.line}${d.column === undefined ? "" : `:${d.column}`}`;
  const pointer = d.pointer === undefined || d.pointer === "" ? "" : ` (at ${d.pointer})`;
  return printableLine(`${d.file}${position}: ${d.severity} ${d.code}: ${d.message}${pointer}`);
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for printing: by file, then position, then severity and code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}`;
}

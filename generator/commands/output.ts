/**
 * How commands talk to the terminal. Commands return text and exit codes;
 * only the CLI entry point writes to the process streams through this.
 */
import { formatDiagnostic, sortDiagnostics, summarize, type Diagnostic } from "../diagnostics.js";

export interface Output {
  out(line: string): void;
  err(line: string): void;
  isTTY: boolean;
  verbose: boolean;
  /** A progress bar on a terminal; undefined elsewhere. */
  progress?: () => ProgressSink | undefined;
}

export interface ProgressSink {
  update(event: { done: number; total: number; label: string }): void;
  stop(): void;
}

export function printDiagnostics(output: Output, diagnostics: readonly Diagnostic[]): void {
  const shown = sortDiagnostics(diagnostics).filter((d) => output.verbose || d.severity !== "info");
  for (const d of shown) output.err(formatDiagnostic(d));
  if (shown.length > 0) output.err(summarize(diagnostics));
}

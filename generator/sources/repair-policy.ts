/**
 * The diagnostics that say a reader repaired or degraded one fact and kept the
 * rest (docs/readers.md): a type synonym read as its annotation, a type cell it
 * could not read typed `unknown`, a table cut by a multi-line cell re-joined.
 * They are warnings; `scrape --strict` makes them errors.
 */
import type { Diagnostic } from "../diagnostics.js";

export const REPAIR_CODES: ReadonlySet<string> = new Set([
  "PAGE_TYPE_REPAIRED",
  "PORTAL_TYPE_REPAIRED",
  "SLATE_TYPE_REPAIRED",
  "SLATE_TABLE_REJOINED",
]);

export function isRepair(d: Diagnostic): boolean {
  return REPAIR_CODES.has(d.code);
}

/** The diagnostics with every repair made an error, as `--strict` reads them. */
export function strictly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) =>
    isRepair(d) && d.severity === "warning" ? { ...d, severity: "error" as const, message: `${d.message} (an error under --strict)` } : d,
  );
}

/**
 * A changelog: the comparisons between two sides, with docs-only changes kept
 * or set aside, and what they add up to. Every format renders this, and the
 * exit code of `diff` and `drift` is decided from it.
 */
import { allChanges, CHANGE_CLASSES, type Change, type ChangeClass, type ResourceChanges, type SpecComparison } from "../diff/change.js";

export interface Changelog {
  /** What was compared, as the user named it: a folder, a file or a source (`portal:<url>`). */
  from: string;
  to: string;
  includesDocs: boolean;
  /** Every app-version compared, unchanged ones included. */
  comparisons: SpecComparison[];
  /** Docs-only changes found but left out (always 0 when they are included). */
  docsHidden: number;
}

export type Summary = Record<ChangeClass, number>;

export const FAIL_ON = ["any", "breaking", "none"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function buildChangelog(
  comparisons: readonly SpecComparison[],
  options: { from: string; to: string; includeDocs: boolean },
): Changelog {
  const keep = (c: Change) => options.includeDocs || c.class !== "docs";
  const kept = comparisons.map((comparison): SpecComparison => ({
    ...comparison,
    changes: comparison.changes.filter(keep),
    resources: comparison.resources.map((r) => ({ ...r, changes: r.changes.filter(keep) })).filter((r) => r.changes.length > 0),
  }));
  const found = comparisons.flatMap(allChanges).length;
  const shown = kept.flatMap(allChanges).length;
  return { from: options.from, to: options.to, includesDocs: options.includeDocs, comparisons: kept, docsHidden: found - shown };
}

export function summarize(changes: readonly Change[]): Summary {
  const summary = Object.fromEntries(CHANGE_CLASSES.map((c) => [c, 0])) as Summary;
  for (const change of changes) summary[change.class] += 1;
  return summary;
}

export const summaryOf = (changelog: Changelog): Summary => summarize(changelog.comparisons.flatMap(allChanges));

export const isUnchanged = (comparison: SpecComparison): boolean => allChanges(comparison).length === 0;

/** Whether the changes call for exit code 1 under `--fail-on`. */
export function fails(changelog: Changelog, failOn: FailOn): boolean {
  const summary = summaryOf(changelog);
  switch (failOn) {
    case "any":
      return summary.breaking + summary.additive + summary.docs > 0;
    case "breaking":
      return summary.breaking > 0;
    case "none":
      return false;
  }
}

/** `people 2022-07-14 → 2025-03-20`, `people 2025-03-20`, or one side only. */
export function comparisonTitle(comparison: SpecComparison): string {
  const { app, before, after } = comparison;
  if (before === undefined) return `${app} ${after} (added)`;
  if (after === undefined) return `${app} ${before} (removed)`;
  return before === after ? `${app} ${after}` : `${app} ${before} → ${after}`;
}

/** A comparison's resources by what happened to them, in the order changelogs list them. */
export function resourcesByStatus(comparison: SpecComparison): Record<ResourceChanges["status"], ResourceChanges[]> {
  const of = (status: ResourceChanges["status"]) => comparison.resources.filter((r) => r.status === status);
  return { added: of("added"), removed: of("removed"), changed: of("changed") };
}

/** Breaking first, then additive, then docs; the comparison's order otherwise. */
export function byClass(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => CHANGE_CLASSES.indexOf(a.class) - CHANGE_CLASSES.indexOf(b.class));
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** `3 breaking, 12 additive` (and docs when any), or `no changes`. */
export function summaryText(summary: Summary): string {
  const parts = CHANGE_CLASSES.filter((c) => summary[c] > 0).map((c) => `${summary[c]} ${c}`);
  return parts.length === 0 ? "no changes" : parts.join(", ");
}

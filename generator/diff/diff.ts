/**
 * The comparison's entry points: two sets of specs, or two single specs, into
 * one SpecComparison per app-version compared (unchanged ones included, so a
 * changelog can say what was checked).
 */
import type { Spec } from "../spec/types.js";
import type { SpecComparison } from "./change.js";
import { compareSpecs } from "./compare-spec.js";
import { newestVersion, pairSpecs } from "./pair.js";

export function diffSpecSets(before: readonly Spec[], after: readonly Spec[]): SpecComparison[] {
  return pairSpecs(before, after).map(({ app, before: b, after: a }): SpecComparison => {
    if (b !== undefined && a !== undefined) return compareSpecs(b, a);
    if (a !== undefined) {
      const beside = newestVersion(before, app);
      return {
        app,
        after: a.version,
        changes: [
          { class: "additive", subject: "version", action: "added", name: a.version, ...(beside === undefined ? {} : { before: beside }) },
        ],
        resources: [],
      };
    }
    const beside = newestVersion(after, app);
    return {
      app,
      before: b!.version,
      changes: [
        { class: "breaking", subject: "version", action: "removed", name: b!.version, ...(beside === undefined ? {} : { after: beside }) },
      ],
      resources: [],
    };
  });
}

/** Two spec files: compared with each other whatever their app and version. */
export function diffSpecs(before: Spec, after: Spec): SpecComparison[] {
  return [compareSpecs(before, after)];
}

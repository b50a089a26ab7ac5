/**
 * The role of each spec among the others (render/renderer.ts, `SpecRole`),
 * from its app, version and API-wide facts alone, so that `generate` can tell
 * the roles of specs it does not load.
 */
import { latestDatedPerApp, latestPerApp } from "../spec/load.js";
import type { ApiFacts, Spec } from "../spec/types.js";
import type { SpecRole } from "./renderer.js";

export interface SpecSummary {
  app: string;
  version: string;
  /** `apiFactsOf(spec)`. */
  facts: ApiFacts;
}

/** One role per summary, in the summaries' order. */
export function specRoles(summaries: readonly SpecSummary[]): SpecRole[] {
  const latest = new Set(latestPerApp(summaries));
  const latestDated = latestDatedPerApp(summaries);
  const dated = new Set(latestDated);
  const combinedFacts = latestDated[0]?.facts;
  return summaries.map((summary) => ({
    latest: latest.has(summary),
    latestDated: dated.has(summary),
    ...(dated.has(summary) && combinedFacts !== undefined ? { combinedFacts } : {}),
  }));
}

export const specSummary = (spec: Spec, facts: ApiFacts): SpecSummary => ({ app: spec.app, version: spec.version, facts });

/**
 * The changelog for machines. Its shape is `CHANGELOG_SCHEMA` (json-schema.ts),
 * versioned by `changelogVersion`: fields are only ever added within a version.
 * Keys are written in a fixed order and absent values as `null` where the
 * schema says so, so two runs give the same bytes.
 */
import { allChanges, type Change, type SpecComparison } from "../diff/change.js";
import { summarize, summaryOf, type Changelog } from "./changelog.js";
import { describeChange } from "./wording.js";

export const CHANGELOG_VERSION = 1;

export function renderJson(changelog: Changelog): string {
  const document = {
    changelogVersion: CHANGELOG_VERSION,
    from: changelog.from,
    to: changelog.to,
    includesDocs: changelog.includesDocs,
    docsHidden: changelog.docsHidden,
    summary: summaryOf(changelog),
    apps: changelog.comparisons.map(comparisonJson),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function comparisonJson(comparison: SpecComparison) {
  return {
    app: comparison.app,
    before: comparison.before ?? null,
    after: comparison.after ?? null,
    summary: summarize(allChanges(comparison)),
    changes: comparison.changes.map(changeJson),
    resources: comparison.resources.map((r) => ({ type: r.type, status: r.status, changes: r.changes.map(changeJson) })),
  };
}

function changeJson(change: Change) {
  return {
    class: change.class,
    subject: change.subject,
    action: change.action,
    name: change.name,
    ...(change.within === undefined ? {} : { within: { subject: change.within.subject, name: change.within.name } }),
    ...(change.field === undefined ? {} : { field: change.field }),
    ...(change.before === undefined ? {} : { before: change.before }),
    ...(change.after === undefined ? {} : { after: change.after }),
    message: describeChange(change),
  };
}

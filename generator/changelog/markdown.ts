/**
 * The changelog as a pull-request body: a summary table with a row per
 * app-version compared, then a section per app-version with its own changes,
 * the resources added and removed, and a list per changed resource, breaking
 * changes first. Formatted with the project's prettier settings.
 */
import { format } from "../format.js";
import { allChanges, type Change, type SpecComparison } from "../diff/change.js";
import {
  byClass,
  comparisonTitle,
  isUnchanged,
  plural,
  resourcesByStatus,
  summarize,
  summaryOf,
  summaryText,
  type Changelog,
} from "./changelog.js";
import { describeChange, type Style } from "./wording.js";

/** An inline code span that survives any backtick in the name. */
export function inlineCode(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

const CODE: Style = { code: inlineCode };

const PREFIX: Record<Change["class"], string> = { breaking: "**Breaking:** ", additive: "", docs: "_Docs:_ " };

export async function renderMarkdown(changelog: Changelog): Promise<string> {
  const comparisons = changelog.comparisons;
  const title =
    comparisons.length === 1 ? `Planning Center API changes: ${comparisonTitle(comparisons[0]!)}` : "Planning Center API changes";
  const hidden = changelog.docsHidden > 0 ? ` ${plural(changelog.docsHidden, "docs-only change")} not listed (\`--docs\` lists them).` : "";
  const blocks = [
    `# ${title}`,
    `From ${inlineCode(changelog.from)} to ${inlineCode(changelog.to)}: ${summaryText(summaryOf(changelog))}.${hidden}`,
    comparisons.length === 0 ? "Nothing was compared." : summaryTable(changelog),
    ...comparisons.filter((c) => !isUnchanged(c)).flatMap(section),
  ];
  return format(`${blocks.join("\n\n")}\n`, "markdown");
}

function summaryTable(changelog: Changelog): string {
  const columns = [
    "app",
    "version",
    "breaking",
    "additive",
    ...(changelog.includesDocs ? ["docs"] : []),
    "resources added",
    "removed",
    "changed",
  ];
  const rows = changelog.comparisons.map((comparison) => {
    const summary = summarize(allChanges(comparison));
    const resources = resourcesByStatus(comparison);
    return [
      comparison.app,
      versionCell(comparison),
      String(summary.breaking),
      String(summary.additive),
      ...(changelog.includesDocs ? [String(summary.docs)] : []),
      String(resources.added.length),
      String(resources.removed.length),
      String(resources.changed.length),
    ];
  });
  const align = columns.map((_c, i) => (i < 2 ? "---" : "---:"));
  return [columns, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function versionCell(comparison: SpecComparison): string {
  const { before, after } = comparison;
  if (before === undefined) return `${after} (added)`;
  if (after === undefined) return `${before} (removed)`;
  return before === after ? after : `${before} → ${after}`;
}

function section(comparison: SpecComparison): string[] {
  const { added, removed, changed } = resourcesByStatus(comparison);
  return [
    `## ${comparisonTitle(comparison)}`,
    `${summaryText(summarize(allChanges(comparison)))}.`,
    ...(comparison.changes.length === 0 ? [] : [list(comparison.changes)]),
    ...(added.length === 0 ? [] : ["### Added resources", added.map((r) => `- ${inlineCode(r.type)}`).join("\n")]),
    ...(removed.length === 0 ? [] : ["### Removed resources", removed.map((r) => `- **Breaking:** ${inlineCode(r.type)}`).join("\n")]),
    ...(changed.length === 0 ? [] : ["### Changed resources", ...changed.flatMap((r) => [`#### ${inlineCode(r.type)}`, list(r.changes)])]),
  ];
}

function list(changes: readonly Change[]): string {
  return byClass(changes)
    .map((c) => `- ${PREFIX[c.class]}${capitalize(describeChange(c, CODE))}`)
    .join("\n");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The changelog for a terminal: one line per change, `!` breaking, `+`
 * additive, `~` docs, grouped by app-version and resource. Colours only when
 * asked for (the caller knows whether the output is a terminal).
 */
import { styleText } from "node:util";
import { allChanges, type Change, type ChangeClass, type SpecComparison } from "../diff/change.js";
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
import { describeChange, PLAIN, type Style } from "./wording.js";
import { appendAll } from "../util/append.js";

const MARK: Record<ChangeClass, string> = { breaking: "!", additive: "+", docs: "~" };
const COLOUR: Record<ChangeClass, "red" | "green" | "gray"> = { breaking: "red", additive: "green", docs: "gray" };

interface Paint {
  style: Style;
  line: (changeClass: ChangeClass, text: string) => string;
  title: (text: string) => string;
}

const NO_PAINT: Paint = { style: PLAIN, line: (_c, text) => text, title: (text) => text };

// The caller has decided that colours are wanted, so the stream is not asked again.
const paint = (format: Parameters<typeof styleText>[0], text: string) => styleText(format, text, { validateStream: false });

const COLOURS: Paint = {
  style: { code: (text) => paint("bold", text) },
  line: (changeClass, text) => paint(COLOUR[changeClass], text),
  title: (text) => paint("bold", text),
};

export function renderText(changelog: Changelog, options: { colour: boolean }): string {
  const p = options.colour ? COLOURS : NO_PAINT;
  const lines = [p.title(`Changes from ${changelog.from} to ${changelog.to}: ${summaryText(summaryOf(changelog))}`)];
  if (changelog.docsHidden > 0) lines.push(`(${plural(changelog.docsHidden, "docs-only change")} not shown; --docs shows them)`);
  if (changelog.comparisons.length === 0) lines.push("Nothing was compared.");
  for (const comparison of changelog.comparisons) {
    lines.push("");
    appendAll(lines, renderComparison(comparison, p));
  }
  return `${lines.join("\n")}\n`;
}

function renderComparison(comparison: SpecComparison, p: Paint): string[] {
  const title = `${comparisonTitle(comparison)}: ${summaryText(summarize(allChanges(comparison)))}`;
  if (isUnchanged(comparison)) return [title];
  const change = (c: Change, indent: string) => `${indent}${p.line(c.class, `${MARK[c.class]} ${describeChange(c, p.style)}`)}`;
  const { added, removed, changed } = resourcesByStatus(comparison);
  const lines = [
    p.title(title),
    ...[...byClass(comparison.changes), ...[...added, ...removed].flatMap((r) => r.changes)].map((c) => change(c, "  ")),
  ];
  for (const resource of changed) {
    lines.push(`  ${p.title(resource.type)}`);
    const changes = byClass(resource.changes).map((c) => change(c, "    "));
    appendAll(lines, changes);
  }
  return lines;
}

/**
 * Which rendering a document is, from its content (never its file name): the
 * Slate markdown, the built Slate page, either saved as plain text, or a
 * developer-portal resource page saved as text.
 */
import type { SlateFormat } from "./model.js";

export type DocumentFormat = SlateFormat | "portal-page-text" | "portal-page-markdown";

/** Looks at the first lines only: enough to tell, and cheap on a large page. */
const SNIFF_LENGTH = 64 * 1024;

export function detectFormat(text: string): DocumentFormat | undefined {
  const head = text.slice(0, SNIFF_LENGTH).replace(/^\uFEFF/, "");
  const start = head.trimStart().slice(0, 256).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || /<div class=["']content["']>/.test(head)) return "slate-html";
  const lines = head.split(/\r?\n/);
  // Checked before Slate's markdown, which also has fenced blocks and `#` headings.
  if (isPortalMarkdown(lines)) return "portal-page-markdown";
  // A saved page has "# to list records..." too, but always right above its curl command.
  const heading = (line: string, i: number) => /^#{1,6} \S/.test(line) && (lines[i + 1] ?? "").trim() === "";
  // Any markdown has fenced blocks and headings: Slate's has front matter, or its app and request headings.
  const slateHeading = lines.some((line) => /^#{1,6} (HTTP Request|PCO \S)/.test(line));
  if (lines[0]?.trim() === "---" || (slateHeading && lines.some((line, i) => line.startsWith("```") || heading(line, i))))
    return "slate-markdown";
  const has = (wanted: string) => lines.some((line) => line.trim() === wanted);
  if (has("Example Object") && has("Attributes")) return "portal-page-text";
  if (has("HTTP Request") || has("Rate limiting") || lines.some((line) => line.startsWith("PCO "))) return "slate-text";
  return undefined;
}

/**
 * A portal page saved as markdown titles its sections with links to their
 * anchors (`[# Attributes](#/apps/...)`), or with headings: a page with both
 * an "Attributes" and an "Endpoints" section title is one; Slate's own
 * sections are "Resource Attributes" and "HTTP Request".
 */
function isPortalMarkdown(lines: readonly string[]): boolean {
  const titled = (title: string) => lines.some((line) => line.startsWith(`[# ${title}](`) || headingText(line) === title);
  return lines.some((line) => /^\[#{1,6} [A-Z][A-Za-z ]*\]\(#\/apps\//.test(line)) || (titled("Attributes") && titled("Endpoints"));
}

export const FORMAT_NAMES: Readonly<Record<DocumentFormat, string>> = {
  "slate-markdown": "Slate markdown",
  "slate-html": "a built Slate page (HTML)",
  "slate-text": "a Slate page saved as text",
  "portal-page-text": "a developer-portal resource page saved as text",
  "portal-page-markdown": "a developer-portal resource page saved as markdown",
};

/** The text of an ATX heading line (`## Attributes` → `Attributes`), or undefined for any other line. */
function headingText(line: string): string | undefined {
  const marks = /^#{1,6} /.exec(line);
  return marks === null ? undefined : line.slice(marks[0].length).trimEnd();
}

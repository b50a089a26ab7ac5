/**
 * Which rendering a document is, from its content (never its file name): the
 * Slate markdown, the built Slate page, either saved as plain text, or a
 * developer-portal resource page saved as text.
 */
import type { SlateFormat } from "./model.js";

export type DocumentFormat = SlateFormat | "portal-page-text";

/** Looks at the first lines only: enough to tell, and cheap on a large page. */
const SNIFF_LENGTH = 64 * 1024;

export function detectFormat(text: string): DocumentFormat | undefined {
  const head = text.slice(0, SNIFF_LENGTH).replace(/^\uFEFF/, "");
  const start = head.trimStart().slice(0, 256).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || /<div class=["']content["']>/.test(head)) return "slate-html";
  const lines = head.split(/\r?\n/);
  // A saved page has "# to list records..." too, but always right above its curl command.
  const heading = (line: string, i: number) => /^#{1,6} \S/.test(line) && (lines[i + 1] ?? "").trim() === "";
  if (lines[0]?.trim() === "---" || lines.some((line, i) => line.startsWith("```") || heading(line, i))) return "slate-markdown";
  const has = (wanted: string) => lines.some((line) => line.trim() === wanted);
  if (has("Example Object") && has("Attributes")) return "portal-page-text";
  if (has("HTTP Request") || has("Rate limiting") || lines.some((line) => line.startsWith("PCO "))) return "slate-text";
  return undefined;
}

export const FORMAT_NAMES: Readonly<Record<DocumentFormat, string>> = {
  "slate-markdown": "Slate markdown",
  "slate-html": "a built Slate page (HTML)",
  "slate-text": "a Slate page saved as text",
  "portal-page-text": "a developer-portal resource page saved as text",
};

/**
 * "Attribute Info": for some attributes, a note (possible values, formats).
 * Each entry opens with a paragraph that only names the attribute, followed
 * by the note's paragraphs.
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { unknownHeading, unplaced } from "./report.js";
import type { Section } from "./outline.js";

export interface AttributeNote {
  name: string;
  note: string;
  origin: Origin;
}

export function readAttributeInfo(section: Section, owner: string, diagnostics: Diagnostic[]): AttributeNote[] {
  const label = `${owner} "Attribute Info"`;
  const entries: { name: string; paragraphs: string[]; origin: Origin }[] = [];
  for (const block of section.blocks) {
    if (block.kind === "paragraph" && block.attributeName) {
      entries.push({ name: block.text, paragraphs: [], origin: block.origin });
    } else if ((block.kind === "paragraph" || block.kind === "code") && entries.length > 0) {
      // A note may show a value as code: `{ "name": "My Alternate Key", "key": "B" }`.
      entries.at(-1)!.paragraphs.push(block.text);
    } else {
      diagnostics.push(unplaced(label, "Attribute Info", block));
    }
  }
  for (const child of section.children) diagnostics.push(unknownHeading(label, child));
  return entries.flatMap((entry) => {
    const paragraphs = withoutDanglingIntroduction(entry.paragraphs);
    if (paragraphs.length > 0) return [{ name: entry.name, note: paragraphs.join("\n\n"), origin: entry.origin }];
    diagnostics.push(
      diagnostic(
        "info",
        "SLATE_EMPTY_NOTE",
        `${label}: the note on ${entry.name} is only a bulleted list, which is not carried into the spec`,
        entry.origin,
      ),
    );
    return [];
  });
}

/** "Possible Values:" with nothing after it introduced a bulleted list, which is left out; so is the introduction. */
function withoutDanglingIntroduction(paragraphs: readonly string[]): string[] {
  const kept = [...paragraphs];
  while (kept.length > 0 && kept.at(-1)!.endsWith(":")) kept.pop();
  return kept;
}

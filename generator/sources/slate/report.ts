/** The warnings every part of the Slate interpreter gives about what it does not understand. */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { SlateBlock, TableBlock } from "./model.js";
import type { Section } from "./outline.js";

export function unknownTable(label: string, table: TableBlock): Diagnostic {
  return diagnostic(
    "warning",
    "SLATE_UNKNOWN_TABLE",
    `${label}: a table with the columns ${table.header.map((h) => `"${h}"`).join(", ")} is not one the docs define here; not read`,
    table.origin,
  );
}

export function unknownHeading(label: string, section: Pick<Section, "heading">): Diagnostic {
  return diagnostic(
    "warning",
    "SLATE_UNKNOWN_HEADING",
    `${label}: the section "${excerpt(section.heading.text)}" is not one the docs define here; not read`,
    section.heading.origin,
  );
}

/** A block where the docs put no such thing; `part` names the section it stands in. */
export function unplaced(label: string, part: string, block: SlateBlock): Diagnostic {
  if (block.kind === "table") return unknownTable(label, block);
  const what =
    block.kind === "paragraph" || block.kind === "heading"
      ? `the text "${excerpt(block.text)}"`
      : `a ${block.kind === "code" ? "code block" : "list"}`;
  return diagnostic(
    "warning",
    "SLATE_UNPLACED",
    `${label}: ${what} under "${part}" is not something the docs put there; not read`,
    block.origin,
  );
}

/** Text quoted in a message: the docs' words, cut short. */
export function excerpt(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}

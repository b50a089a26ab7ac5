/**
 * Table rows rebuilt from a run of cells. A saved page gives a table either as
 * GFM rows or as one paragraph per cell, where the row boundaries are gone and
 * cells left empty on the page (no description, no note) leave no paragraph at
 * all. Each kind of table has leading cells that are always there and look
 * like nothing else (`include` then a name; a name in code then a type in
 * code): a row starts where they do, and what follows, up to the next start,
 * is the row's optional cells.
 */
import type { Cell } from "./markdown-blocks.js";

export interface TableShape {
  /** The column titles, as the page writes the header row. */
  header: readonly string[];
  /** How many leading cells every row has. */
  lead: number;
  /** Whether these leading cells start a row. */
  starts(lead: readonly LeadCell[]): boolean;
}

export interface LeadCell {
  text: string;
  /** The cell was one code span (`id`). */
  code: boolean;
}

export interface CellRow {
  lead: string[];
  /** The cells after the leading ones: text, lists and code blocks. */
  rest: Cell[];
  line: number;
}

export interface CellRows {
  rows: CellRow[];
  /** Cells before any row that are not the header: what the table could not place. */
  stray: Cell[];
}

export function cellRows(cells: readonly Cell[], shape: TableShape): CellRows {
  const header = new Set(shape.header);
  let i = 0;
  while (i < cells.length && cells[i]!.kind === "text" && header.has((cells[i] as { text: string }).text)) i += 1;
  const result: CellRows = { rows: [], stray: [] };
  while (i < cells.length) {
    const cell = cells[i]!;
    if (cell.kind === "row") {
      const lead = cell.cells.slice(0, shape.lead).map(leadOfText);
      if (lead.length === shape.lead && shape.starts(lead)) {
        const rest = cell.cells
          .map((text, column): Cell => ({
            kind: "text",
            text,
            line: cell.line,
            code: false,
            ...(cell.hrefs[column] === undefined ? {} : { href: cell.hrefs[column] }),
          }))
          .slice(shape.lead)
          .filter((c) => c.kind === "text" && c.text !== "");
        result.rows.push({ lead: lead.map((l) => l.text), rest, line: cell.line });
      } else result.stray.push(cell);
      i += 1;
      continue;
    }
    const lead = leadAt(cells, i, shape.lead);
    if (lead !== undefined && shape.starts(lead)) {
      result.rows.push({ lead: lead.map((l) => l.text), rest: [], line: cell.line });
      i += shape.lead;
      continue;
    }
    const row = result.rows.at(-1);
    if (row === undefined) result.stray.push(cell);
    else row.rest.push(cell);
    i += 1;
  }
  return result;
}

function leadAt(cells: readonly Cell[], start: number, count: number): LeadCell[] | undefined {
  const lead: LeadCell[] = [];
  for (let i = start; i < start + count; i += 1) {
    const cell = cells[i];
    if (cell?.kind !== "text") return undefined;
    lead.push({ text: cell.text, code: cell.code });
  }
  return lead;
}

/** A GFM cell's text; a cell that is one code span counts as code, as a paragraph would. */
function leadOfText(text: string): LeadCell {
  const code = /^`([^`]+)`$/.exec(text);
  return code ? { text: code[1]!, code: true } : { text, code: false };
}

/** The rest of a row as text: paragraphs joined by blank lines, lists as `- ` items. */
export function restText(cells: readonly Cell[]): string | undefined {
  const parts = cells.flatMap((c) =>
    c.kind === "text" ? [c.text] : c.kind === "list" ? [c.items.map((item) => `- ${item}`).join("\n")] : [],
  );
  return parts.length === 0 ? undefined : parts.join("\n\n");
}

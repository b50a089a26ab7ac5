/**
 * The Slate document model: what the three renderings of the legacy Slate site
 * (markdown sources, the built HTML page, the page saved as text) have in
 * common, once their markup is gone. Each front-end produces this flat list of
 * blocks; one interpreter turns it into specs, so that the three renderings of
 * one site read into one spec.
 *
 * Text in the model is plain: no markup, typographic quotes and dashes written
 * the way the markdown wrote them, whitespace collapsed (see `plain-text.ts`).
 */
import type { Origin } from "../../diagnostics.js";

export type SlateFormat = "slate-markdown" | "slate-html" | "slate-text";

export interface HeadingBlock {
  kind: "heading";
  /** 1 for an app (`# PCO People`), 2 for a resource, 3 for an operation, 4 for its parts. */
  depth: number;
  text: string;
  origin: Origin;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  origin: Origin;
  /**
   * The paragraph only names an attribute (Slate's `<span class='attribute-info-name'>`),
   * which opens that attribute's entry in an "Attribute Info" section.
   */
  attributeName?: boolean;
  /** A side note (Slate's `<aside>`): "Only users with the role editor can delete this resource." */
  aside?: boolean;
}

export interface CodeBlock {
  kind: "code";
  /** The code as written, lines joined with `\n`, without trailing blank lines. */
  text: string;
  origin: Origin;
}

export interface TableRow {
  cells: string[];
  origin: Origin;
}

export interface TableBlock {
  kind: "table";
  header: string[];
  /** Body rows; rows whose cells are all empty are left out. */
  rows: TableRow[];
  origin: Origin;
}

export interface ListBlock {
  kind: "list";
  ordered: boolean;
  items: string[];
  origin: Origin;
}

export type SlateBlock = HeadingBlock | ParagraphBlock | CodeBlock | TableBlock | ListBlock;

/** A Slate document in reading order: for markdown, `index.md` with its includes spliced in. */
export interface SlateDocument {
  format: SlateFormat;
  blocks: SlateBlock[];
  /** What was read, for the user: "Slate markdown: index.md with 6 includes". */
  detected: string;
}

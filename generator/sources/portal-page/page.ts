/**
 * A developer-portal resource page saved as text, cut into its sections. The
 * page's section titles are fixed lines ("Example Object", "Attributes",
 * "Pagination", "Endpoints"...); what comes before the first one is the
 * portal's navigation, the resource's name and its description.
 */
import { bracketBalance } from "../slate/json-lines.js";

export interface PageLine {
  text: string;
  /** 1-based. */
  line: number;
}

export interface PageSection {
  title: string;
  line: number;
  /** The section's lines, blank lines left out. */
  lines: PageLine[];
}

export interface PageSections {
  /** Lines before the first section: navigation, the resource's name, its description. */
  header: PageLine[];
  sections: PageSection[];
}

/** Section titles of a portal resource page, and the endpoint groups under "Endpoints". */
export const SECTION_TITLES = [
  "Example Request",
  "Example Object",
  "Attributes",
  "Relationships",
  "URL Parameters",
  "Pagination",
  "Endpoints",
  "Listing",
  "Reading",
  "Creating",
  "Updating",
  "Deleting",
  "Actions",
  "Associations",
  "Belongs To",
] as const;

export type SectionTitle = (typeof SECTION_TITLES)[number];

/** The portal's navigation bar, which a saved page starts with. */
export const NAVIGATION = ["API", "⌘K", "My Developer Account"] as const;

export function pageSections(text: string): PageSections {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const result: PageSections = { header: [], sections: [] };
  let inJson = 0;
  lines.forEach((raw, index) => {
    const line = { text: raw.trimEnd(), line: index + 1 };
    if (line.text.trim() === "") return;
    // A title inside the example object is a JSON key's value, not a section.
    const isTitle = inJson === 0 && (SECTION_TITLES as readonly string[]).includes(line.text);
    inJson = Math.max(0, inJson + bracketBalance(line.text));
    if (isTitle) result.sections.push({ title: line.text, line: line.line, lines: [] });
    else (result.sections.at(-1)?.lines ?? result.header).push(line);
  });
  return result;
}

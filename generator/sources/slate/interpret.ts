/**
 * The Slate document model → one SpecDraft per app, plus the API-wide facts
 * of the site's index. `#` sections are apps ("PCO People", "PCO Giving
 * (BETA)") or index sections ("Rate limiting", "Authentication"...); `##`
 * sections of an app are its resources. Everything the interpreter does not
 * recognise is reported with its position, never skipped silently.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { compareText } from "../../util/order.js";
import type { ResourceDraft, SpecDraft } from "../../spec/draft.js";
import type { ApiFacts } from "../../spec/types.js";
import { DEFAULT_BASE_URL } from "../portal/reader.js";
import type { DraftRead } from "../reader-result.js";
import { currentAppName } from "./app-name.js";
import { carriedBlocks } from "./carried.js";
import { INDEX_SECTIONS } from "./headings.js";
import { readIndexFacts } from "./index-facts.js";
import type { SlateDocument } from "./model.js";
import { excerpt, unplaced } from "./report.js";
import { outline, type Section } from "./outline.js";
import { appSegmentOf, snakeCase } from "./names.js";
import { readResource, type ResourceRead } from "./resource.js";
import { appendAll } from "../../util/append.js";

export const LEGACY_VERSION = "legacy";

export interface SlateInterpretation {
  /** One per app, in the order the docs give them, each with the diagnostics of its own section. */
  drafts: DraftRead[];
  /** The API-wide facts of the index, also put in every draft. */
  api?: ApiFacts;
  /** Diagnostics of the rest of the page: the index, unknown sections. */
  diagnostics: Diagnostic[];
}

export function interpretSlate(document: SlateDocument, location: string): SlateInterpretation {
  const diagnostics: Diagnostic[] = [];
  const tree = outline(carriedBlocks(document.blocks, diagnostics));
  for (const block of tree.preamble) diagnostics.push(unplaced("the page", "its start", block));
  const indexSections = tree.sections.filter((s) => isIndexSection(s));
  const drafts: DraftRead[] = [];
  for (const section of tree.sections) {
    if (isIndexSection(section)) continue;
    if (section.heading.depth !== 1 || section.children.length === 0) {
      diagnostics.push(
        diagnostic(
          "warning",
          "SLATE_UNKNOWN_HEADING",
          `the section "${excerpt(section.heading.text)}" is neither an app (with resources) nor a part of the index; not read`,
          section.heading.origin,
        ),
      );
      continue;
    }
    const own: Diagnostic[] = [];
    const draft = readApp(section, document, location, own);
    if (draft === undefined) {
      appendAll(diagnostics, own);
    } else if (drafts.some((d) => d.draft.app === draft.app)) {
      appendAll(diagnostics, own);
      diagnostics.push(
        diagnostic("warning", "SLATE_DUPLICATE_APP", `the app ${draft.app} is documented twice; the first is kept`, section.heading.origin),
      );
    } else {
      drafts.push({ draft, diagnostics: own });
    }
  }
  const facts = readIndexFacts(indexSections, diagnostics);
  const api = Object.keys(facts).length === 0 ? undefined : facts;
  return {
    // The index states the API-wide facts once for every app of the page.
    drafts: api === undefined ? drafts : drafts.map((d) => ({ ...d, draft: { ...d.draft, api } })),
    ...(api === undefined ? {} : { api }),
    diagnostics,
  };
}

function isIndexSection(section: Section): boolean {
  return section.heading.depth === 1 && (INDEX_SECTIONS as readonly string[]).includes(section.heading.text);
}

function readApp(section: Section, document: SlateDocument, location: string, diagnostics: Diagnostic[]): SpecDraft | undefined {
  const { title, beta } = titleOf(section.heading.text);
  const label = excerpt(title);
  const paragraphs: string[] = [];
  for (const block of section.blocks) {
    if (block.kind === "paragraph") paragraphs.push(block.text);
    else diagnostics.push(unplaced(label, label, block));
  }
  const reads = section.children.map((child) => readResource(child, label, diagnostics));
  const urls = reads.flatMap((r) => r.urls);
  const segment = mostCommon(urls.map(appSegmentOf));
  const app = segment === undefined ? undefined : currentAppName(segment);
  if (app === undefined) {
    diagnostics.push(
      diagnostic(
        "error",
        "SLATE_NO_APP",
        `${label}: no endpoint URL says which app this is (its first path segment)`,
        section.heading.origin,
      ),
    );
    return undefined;
  }
  const resources: ResourceDraft[] = withAssociationTypes(reads);
  return {
    app,
    version: LEGACY_VERSION,
    title,
    ...(paragraphs.length === 0 ? {} : { description: paragraphs.join("\n\n") }),
    baseUrl: mostCommon(urls.map(originOf)) ?? DEFAULT_BASE_URL,
    ...(beta ? { beta: true } : {}),
    source: { format: document.format, location },
    resources,
  };
}

/**
 * A heading is usually a resource's plural ("Addresses" → Address), but some
 * headings are already the type ("SignupSheetMetadata", which the singular
 * would turn into SignupSheetMetadatum). Where the app's associations name the
 * heading's own text as a type and not its singular, the heading is the type.
 */
function withAssociationTypes(reads: readonly ResourceRead[]): ResourceDraft[] {
  const targets = new Set(reads.flatMap((r) => r.resource.associations.map((a) => a.target)));
  return reads.map(({ resource, headingType }) =>
    headingType !== undefined && !targets.has(resource.type) && targets.has(headingType)
      ? { ...resource, type: headingType, id: snakeCase(headingType) }
      : resource,
  );
}

const BETA_MARK = "(BETA)";

/** "PCO Giving (BETA)" → title "PCO Giving", beta. */
function titleOf(heading: string): { title: string; beta: boolean } {
  const beta = heading.toUpperCase().endsWith(BETA_MARK);
  return { title: beta ? heading.slice(0, -BETA_MARK.length).trim() : heading, beta };
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The most frequent value; ties go to the first in code-unit order, so the result never depends on reading order. */
function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]?.[0];
}

/**
 * The sections of a portal resource page → a resource draft: the resource's
 * name, description and example object; its attributes (name, type and
 * description); paging limits; the endpoints of "Listing", "Reading"...;
 * its associations with their "Filter By" lists and each filter's help line;
 * and, from "Belongs To", the URLs under other resources that return it.
 */
import pluralize from "pluralize";
import { perPageFromText } from "../../spec/per-page.js";
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { parseJson } from "../../json-text.js";
import type { AssociationDraft, EndpointDraft, Located, ResourceDraft } from "../../spec/draft.js";
import { relativePath } from "../../spec/paths.js";
import {
  ATTRIBUTE_TYPES,
  CURSOR_PARAMS,
  type Attribute,
  type CursorParam,
  type AttributeType,
  type Filter,
  type HttpMethod,
  type Operation,
  type PerPage,
} from "../../spec/types.js";
import { snakeCase } from "../slate/names.js";
import { excerpt } from "../slate/report.js";
import { NAVIGATION, type PageLine, type PageSection, type PageSections, type SectionTitle } from "./page.js";
import { ENDPOINT_GROUPS } from "./endpoint-groups.js";

export interface PageResource {
  resource: ResourceDraft;
  /** The URL of "Example Request", which names the app and its host. */
  exampleUrl?: string;
  /** A portal version the page states, if it states one. */
  version?: string;
  /** The app the page's own links name (`#/apps/groups/...`), if they name one. */
  app?: string;
}

/** Table header lines, which say nothing themselves. */
const HEADERS = [
  "Name Type Description",
  "Name Parameter Type Description",
  "HTTP Method Endpoint",
  "HTTP Method Endpoint Returns Details Filter By",
  "HTTP Method Endpoint Association Details Filter By",
];

const ATTRIBUTE_ROW = new RegExp(`^([a-z_][a-z0-9_]*) (${ATTRIBUTE_TYPES.join("|")})(?: (.*))?$`);
const PAGING_ROW = new RegExp(`^([a-z_]+) ([a-z_]+) (${ATTRIBUTE_TYPES.join("|")})(?: (.*))?$`);
const ENDPOINT_ROW = /^(GET|POST|PATCH|PUT|DELETE) (\S+)(?: (.*))?$/;
const EDGE_ROW = /^(GET|POST|PATCH|PUT|DELETE) (\S+) ([A-Z][A-Za-z0-9]*)(?: (.*))?$/;
const BULLET = /^\s*• (.*)$/;
const VERSION = /^(?:Version:? )?(\d{4}-\d{2}-\d{2})$/;

export function readPageResource(page: PageSections, file: string, diagnostics: Diagnostic[]): PageResource | undefined {
  const at = (line: number): Origin => ({ file, line });
  const header = page.header.filter((l) => !(NAVIGATION as readonly string[]).includes(l.text.trim()));
  const version = header.map((l) => VERSION.exec(l.text.trim())?.[1]).find((v) => v !== undefined);
  const [name, ...description] = header.filter((l) => !VERSION.test(l.text.trim()));
  if (name === undefined || !/^[A-Z][A-Za-z0-9]*$/.test(name.text.trim())) {
    diagnostics.push(
      diagnostic(
        "error",
        "PAGE_NO_RESOURCE",
        `the page does not start with a resource's name (such as "Organization")`,
        at(name?.line ?? 1),
      ),
    );
    return undefined;
  }
  const type = name.text.trim();
  const label = excerpt(type);
  const section = (title: SectionTitle) => page.sections.filter((s) => s.title === title);
  const example = exampleOf(section("Example Object")[0], type, at, diagnostics);
  const endpoints = Object.entries(ENDPOINT_GROUPS).flatMap(([title, group]) =>
    section(title as SectionTitle).flatMap((s) => endpointRows(s, group, label, at, diagnostics)),
  );
  const belongsTo = section("Belongs To").flatMap((s) => edgeRows(s, label, at, diagnostics));
  const paging = section("Pagination").map((s) => pagingOf(s, label, at, diagnostics));
  const perPage = paging.map((p) => p.perPage).find((p) => p !== undefined);
  const offset = paging.some((p) => p.offset);
  const cursor = [...new Set(paging.flatMap((p) => p.cursor))];
  for (const s of page.sections.filter((s) => ["Relationships", "URL Parameters", "Actions"].includes(s.title) && s.lines.length > 0)) {
    diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_SECTION_NOT_READ",
        `${label}: the section "${s.title}" is not read from page text (its layout is not known); the portal's JSON has it`,
        at(s.line),
      ),
    );
  }
  const list = endpoints.find((e) => e.operation === "list");
  const resource: ResourceDraft = {
    type,
    id: snakeCase(type),
    origin: at(name.line),
    ...(description.length === 0 ? {} : { description: description.map((l) => l.text.trim()).join("\n") }),
    deprecated: false,
    ...(list === undefined ? {} : { path: list.path }),
    attributes: section("Attributes").flatMap((s) => attributeRows(s, label, at, diagnostics)),
    relationships: [],
    associations: section("Associations").flatMap((s) => edgeRows(s, label, at, diagnostics)),
    actions: [],
    endpoints: [...endpoints, ...belongsTo.map(inboundEndpoint)],
    query: {
      where: [],
      order: [],
      include: [],
      ...(perPage === undefined ? {} : { perPage }),
      ...(offset ? { offset: true } : {}),
      ...(cursor.length === 0 ? {} : { cursor }),
    },
    permissions: {
      create: endpoints.some((e) => e.operation === "create"),
      update: endpoints.some((e) => e.operation === "update"),
      destroy: endpoints.some((e) => e.operation === "delete"),
    },
    ...(example === undefined ? {} : { example }),
  };
  const exampleUrl = section("Example Request")
    .flatMap((s) => s.lines)
    .map((l) => /https?:\/\/\S+/.exec(l.text)?.[0])
    .find((url) => url !== undefined);
  return { resource, ...(exampleUrl === undefined ? {} : { exampleUrl }), ...(version === undefined ? {} : { version }) };
}

function exampleOf(section: PageSection | undefined, type: string, at: (line: number) => Origin, diagnostics: Diagnostic[]): unknown {
  if (section === undefined) return undefined;
  const parsed = parseJson(section.lines.map((l) => l.text).join("\n"));
  if (!parsed.ok) {
    diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_INVALID_EXAMPLE",
        `${type}: the example object is not JSON (${parsed.message}); left out`,
        at(section.line),
      ),
    );
    return undefined;
  }
  return parsed.value;
}

/** "name type [description]", the description going on over the lines up to the next attribute. */
function attributeRows(section: PageSection, label: string, at: (line: number) => Origin, diagnostics: Diagnostic[]): Located<Attribute>[] {
  const rows = rowsOf(section, ATTRIBUTE_ROW, label, at, diagnostics);
  return rows.map(({ match, more, line }) => {
    const description = describe(match[3], more);
    return { name: match[1]!, type: match[2] as AttributeType, ...(description === undefined ? {} : { description }), origin: at(line) };
  });
}

/**
 * "per_page per_page integer" with "how many records to return per page (min=1, max=100, default=25)",
 * and "offset offset integer".
 */
function pagingOf(
  section: PageSection,
  label: string,
  at: (line: number) => Origin,
  diagnostics: Diagnostic[],
): { perPage?: PerPage; offset: boolean; cursor: CursorParam[] } {
  const rows = rowsOf(section, PAGING_ROW, label, at, diagnostics);
  const offset = rows.some((row) => row.match[2] === "offset");
  const cursor = rows
    .map((row) => row.match[2])
    .filter((name): name is CursorParam => (CURSOR_PARAMS as readonly string[]).includes(name ?? ""));
  const perPageRow = rows.find((row) => row.match[2] === "per_page");
  if (perPageRow === undefined) return { offset, cursor };
  const perPage = perPageFromText(describe(perPageRow.match[4], perPageRow.more) ?? "");
  if (perPage === undefined) {
    diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_PER_PAGE",
        `${label}: per_page does not say "(min=…, max=…, default=…)" with min ≤ default ≤ max`,
        at(perPageRow.line),
      ),
    );
  }
  return { ...(perPage === undefined ? {} : { perPage }), offset, cursor };
}

function endpointRows(
  section: PageSection,
  group: { operation: Operation; method: HttpMethod },
  label: string,
  at: (line: number) => Origin,
  diagnostics: Diagnostic[],
): EndpointDraft[] {
  return rowsOf(section, ENDPOINT_ROW, label, at, diagnostics).map(({ match, line }) => {
    if (match[1] !== group.method) {
      diagnostics.push(
        diagnostic(
          "warning",
          "PAGE_METHOD",
          `${label}: "${section.title}" lists ${match[1]}, where ${group.method} was expected; ${match[1]} is kept`,
          at(line),
        ),
      );
    }
    return { operation: group.operation, method: (match[1] === "PUT" ? "PATCH" : match[1]) as HttpMethod, path: relativePath(match[2]!) };
  });
}

/**
 * "GET <url> <Type> [details]" followed by the "Filter By" bullets, each
 * optionally followed by its help line. The association is named by the URL's
 * last segment.
 */
function edgeRows(section: PageSection, label: string, at: (line: number) => Origin, diagnostics: Diagnostic[]): AssociationDraft[] {
  const edges: AssociationDraft[] = [];
  let filter: Located<Filter> | undefined;
  for (const line of section.lines) {
    const text = line.text.trim();
    const row = EDGE_ROW.exec(text);
    const bullet = BULLET.exec(line.text);
    if (row) {
      const path = relativePath(row[2]!);
      edges.push({
        name: path.split("/").at(-1) ?? "",
        target: row[3]!,
        path,
        filters: [],
        ...(row[4] ? { details: row[4] } : {}),
        origin: at(line.line),
      });
      filter = undefined;
    } else if (bullet && edges.length > 0) {
      filter = { name: bullet[1]!.trim(), origin: at(line.line) };
      edges.at(-1)!.filters.push(filter);
    } else if (filter !== undefined && /^\s/.test(line.text)) {
      filter.description = filter.description === undefined ? text : `${filter.description} ${text}`;
    } else if (!HEADERS.includes(text)) {
      diagnostics.push(unread(label, section, line, at));
    }
  }
  return edges;
}

/** A URL under another resource that returns this one: a list where it ends in a plural, else a get. */
function inboundEndpoint(edge: AssociationDraft): EndpointDraft {
  const last = edge.path.split("/").at(-1) ?? "";
  return { operation: pluralize.isPlural(last) && !pluralize.isSingular(last) ? "list" : "get", method: "GET", path: edge.path };
}

interface Row {
  match: RegExpExecArray;
  /** Lines after the row up to the next one: more of its last cell. */
  more: string[];
  line: number;
}

function rowsOf(section: PageSection, pattern: RegExp, label: string, at: (line: number) => Origin, diagnostics: Diagnostic[]): Row[] {
  const rows: Row[] = [];
  for (const line of section.lines) {
    const text = line.text.trim();
    const match = pattern.exec(text);
    if (match) rows.push({ match, more: [], line: line.line });
    else if (rows.length > 0) rows.at(-1)!.more.push(text);
    else if (!HEADERS.includes(text)) diagnostics.push(unread(label, section, line, at));
  }
  return rows;
}

/** A cell's text and the lines that go on with it; bullets written as "- ". */
function describe(inline: string | undefined, more: readonly string[]): string | undefined {
  const lines = [inline, ...more].filter((l): l is string => l !== undefined && l !== "").map((l) => l.replace(/^• /, "- "));
  return lines.length === 0 ? undefined : lines.join("\n");
}

function unread(label: string, section: PageSection, line: PageLine, at: (line: number) => Origin): Diagnostic {
  return diagnostic(
    "warning",
    "PAGE_LINE_NOT_READ",
    `${label}: the line "${line.text.trim().slice(0, 60)}" under "${section.title}" is not a row of its table; not read`,
    at(line.line),
  );
}

/**
 * A developer-portal resource page saved as markdown → a resource draft. The
 * page names its app, version and resource in its section links
 * (`#/apps/groups/2023-07-10/vertices/event#attributes`); its sections are
 * Example Request, Example Object, Attributes, Relationships, URL Parameters
 * (Can Include, Order By, Query By, Pagination), Endpoints (Listing, Reading,
 * Creating, Updating, Deleting), Actions, Associations and Belongs To. A fact
 * the reader cannot place is left out with a warning at its line; the rest of
 * the page is kept.
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { parseJson } from "../../json-text.js";
import type { AssociationDraft, EndpointDraft, IncludeDraft, Located, NamedDraft, ResourceDraft } from "../../spec/draft.js";
import { pathShape, relativePath } from "../../spec/paths.js";
import { perPageFromText } from "../../spec/per-page.js";
import type {
  Action,
  Attribute,
  AttributeType,
  CursorParam,
  Filter,
  HttpMethod,
  Operation,
  Permissions,
  PerPage,
  QueryParam,
  Relationship,
} from "../../spec/types.js";
import { snakeCase } from "../slate/names.js";
import { exampleEvidence } from "../slate/example-types.js";
import { readTypeCell, typeRepairMessage } from "../type-repair.js";
import { cellRows, restText, type CellRow, type TableShape } from "./cell-rows.js";
import type { Cell, CellGroup, MarkdownPage } from "./markdown-blocks.js";
import type { PageResource } from "./resource.js";
import { ENDPOINT_GROUPS } from "./endpoint-groups.js";

/** The page's own sections; anything else titled is a part of one of them. */
const SECTIONS = [
  "Example Request",
  "Example Object",
  "Attributes",
  "Relationships",
  "URL Parameters",
  "Endpoints",
  "Actions",
  "Associations",
  "Belongs To",
];

const APP_ROOT = /^\/[^/]+\/v\d+$/;
const NAME = /^[a-z_][a-z0-9_]*$/;
const METHOD = /^(GET|POST|PATCH|PUT|DELETE)$/;
const PAGE_LINK = /^#\/apps\/([a-z][a-z0-9_-]*)\/(\d{4}-\d{2}-\d{2})\/vertices\/([a-z][a-z0-9_]*)/;

const SHAPES = {
  // A type cell is code, or (in a GFM row) a bare word or empty: the repair policy reads what it can of it.
  attributes: {
    header: ["Name", "Type", "Description"],
    lead: 2,
    starts: ([n, t]) => n!.code && NAME.test(n!.text) && (t!.code || /^[A-Za-z_:]*$/.test(t!.text)),
  },
  relationships: {
    header: ["Name", "Type", "Association Type", "Note"],
    lead: 3,
    starts: ([n, , a]) => NAME.test(n!.text) && /^to_(one|many)$/.test(a!.text),
  },
  include: { header: ["Parameter", "Value", "Description", "Assignable"], lead: 2, starts: ([p]) => p!.text === "include" },
  order: { header: ["Parameter", "Value", "Type", "Description"], lead: 3, starts: ([p]) => p!.text === "order" },
  query: { header: ["Name", "Parameter", "Type", "Description", "Example"], lead: 3, starts: ([, p]) => p!.text.startsWith("where[") },
  paging: { header: ["Name", "Parameter", "Type", "Description"], lead: 3, starts: ([n, p]) => NAME.test(n!.text) && n!.text === p!.text },
  endpoint: {
    header: ["HTTP Method", "Endpoint", "Assignable Attributes", "Returns", "Association", "Details", "Filter By"],
    lead: 2,
    starts: ([m, p]) => METHOD.test(m!.text) && /^(\/|https?:\/\/)/.test(p!.text),
  },
} satisfies Record<string, TableShape>;

interface Reading {
  at(line: number): Origin;
  label: string;
  diagnostics: Diagnostic[];
}

/** The resource's heading (its name) and where the page's sections begin; the section links, where the page has them. */
interface Heading {
  nameGroup: CellGroup;
  /** The groups from the first section on. */
  sections: CellGroup[];
  isSection: (group: CellGroup) => boolean;
  /** The first section link: its app, version and vertex id. */
  link: RegExpExecArray | undefined;
}

type Part = { section: string; group: CellGroup };

export function readMarkdownResource(page: MarkdownPage, file: string, diagnostics: Diagnostic[]): PageResource | undefined {
  const at = (line: number): Origin => ({ file, line });
  const heading = headingOf(page);
  if (heading === undefined) {
    diagnostics.push(
      diagnostic(
        "error",
        "PAGE_NO_RESOURCE",
        `the page has no resource heading (such as "# Event") followed by the portal's sections (Attributes, Endpoints...)`,
        at(page.groups[0]?.line ?? 1),
      ),
    );
    return undefined;
  }
  const { nameGroup, link } = heading;
  const type = nameGroup.title;
  const reading: Reading = { at, label: type, diagnostics };
  const parts = sectionParts(heading.sections, heading.isSection);
  // A section's own title holds no cells where its parts have titles of their own ("Listing", an association's name).
  const part = (section: string) =>
    parts.filter((p) => p.section === section && !(p.group.title === section && p.group.cells.length === 0));
  const id = link?.[3] ?? snakeCase(type);
  // Read in the page's order, so that its warnings come in that order too.
  const example = exampleOf(part("Example Object"), reading);
  const attributes = part("Attributes").flatMap((p) => attributesOf(p.group, example, reading));
  const relationships = part("Relationships").flatMap((p) => relationshipsOf(p.group, example, reading));
  const query = queryOf(
    part("URL Parameters").map((p) => p.group),
    reading,
  );
  const endpoints = appRootEndpoints(part("Endpoints").flatMap((p) => endpointsOf(p.group, id, reading)));
  const actions = part("Actions").flatMap((p) => actionOf(p.group, reading));
  const associations = part("Associations").flatMap((p) => edgesOf(p.group, reading, "Returns"));
  const belongsTo = part("Belongs To").flatMap((p) => edgesOf(p.group, reading, "Association"));
  const list = endpoints.find((e) => e.operation === "list");
  const ownPath = list?.path ?? endpoints.find((e) => e.operation === "get" && APP_ROOT.test(e.path))?.path;
  // The filters of a list are those of the edges that reach its path, as the API's own documentation gives them.
  const listFilters =
    list === undefined ? [] : belongsTo.filter((e) => pathShape(e.path) === pathShape(list.path)).flatMap((e) => e.filters);
  const resource: ResourceDraft = {
    type,
    id,
    origin: at(nameGroup.line),
    ...optionalText("description", restText(nameGroup.cells)),
    deprecated: false,
    ...(ownPath === undefined ? {} : { path: ownPath }),
    attributes,
    relationships,
    associations,
    actions,
    endpoints: endpoints.map(({ assignable: _, ...e }) =>
      e.operation === "list" && listFilters.length > 0 ? { ...e, filters: listFilters } : e,
    ),
    query,
    permissions: permissionsOf(endpoints),
    ...(example === undefined ? {} : { example }),
  };
  const exampleUrl = exampleUrlOf(part("Example Request"));
  const version = versionOf(page, heading);
  return {
    resource,
    ...(exampleUrl === undefined ? {} : { exampleUrl }),
    ...(version === undefined ? {} : { version }),
    ...(link === undefined ? {} : { app: link[1] }),
  };
}

/**
 * The resource's name is the last heading that is one word in PascalCase before the first section. The sections are the
 * headings the page links to where it has section links, else those of the portal's own names.
 */
function headingOf(page: MarkdownPage): Heading | undefined {
  const linked = page.groups.some((g) => g.linked);
  const isSection = (g: CellGroup) => (linked ? g.linked : SECTIONS.includes(g.title));
  const firstSection = page.groups.findIndex(isSection);
  if (firstSection === -1) return undefined;
  const nameGroup = page.groups.slice(0, firstSection).findLast((g) => /^[A-Z][A-Za-z0-9]*$/.test(g.title));
  if (nameGroup === undefined) return undefined;
  const link = page.groups.map((g) => (g.href === undefined ? null : PAGE_LINK.exec(g.href))).find((m): m is RegExpExecArray => m !== null);
  return { nameGroup, sections: page.groups.slice(firstSection), isSection, link };
}

/** The query vocabulary of the URL Parameters section: Query By, Order By, Can Include, and Pagination. */
function queryOf(params: readonly CellGroup[], reading: Reading): ResourceDraft["query"] {
  const paging = params.filter((g) => g.title === "Pagination").map((g) => pagingOf(g, reading));
  const perPage = paging.map((p) => p.perPage).find((p) => p !== undefined);
  const cursor = paging.flatMap((p) => p.cursor);
  return {
    where: params.filter((g) => g.title === "Query By").flatMap((g) => whereOf(g, reading)),
    order: params.filter((g) => g.title === "Order By").flatMap((g) => orderOf(g, reading)),
    include: params.filter((g) => g.title === "Can Include").flatMap((g) => includeOf(g, reading)),
    ...(perPage === undefined ? {} : { perPage }),
    ...(paging.some((p) => p.offset) ? { offset: true } : {}),
    ...(cursor.length === 0 ? {} : { cursor }),
  };
}

/** What the endpoints allow, with the attributes a create or an update may assign. */
function permissionsOf(endpoints: readonly (EndpointDraft & { assignable: string[] })[]): Permissions {
  const assignable = (operation: Operation) => endpoints.filter((e) => e.operation === operation).flatMap((e) => e.assignable);
  const createAttributes = assignable("create");
  const updateAttributes = assignable("update");
  return {
    create: endpoints.some((e) => e.operation === "create"),
    update: endpoints.some((e) => e.operation === "update"),
    destroy: endpoints.some((e) => e.operation === "delete"),
    ...(createAttributes.length === 0 ? {} : { createAttributes }),
    ...(updateAttributes.length === 0 ? {} : { updateAttributes }),
  };
}

/** The first URL the Example Request shows. */
function exampleUrlOf(parts: readonly Part[]): string | undefined {
  return parts
    .flatMap((p) => p.group.cells)
    .map((c) => (c.kind === "code" || c.kind === "text" ? /https?:\/\/[^\s'"]+/.exec(c.text)?.[0] : undefined))
    .find((u) => u !== undefined);
}

/** The version a section link names; without section links, the date the portal's navigation shows above the resource's name. */
function versionOf(page: MarkdownPage, { nameGroup, link }: Heading): string | undefined {
  if (link !== undefined) return link[2];
  const navigation = [...page.preamble, ...page.groups.slice(0, page.groups.indexOf(nameGroup)).flatMap((g) => g.cells)];
  return navigation.map((c) => (c.kind === "text" && /^\d{4}-\d{2}-\d{2}$/.test(c.text) ? c.text : undefined)).find((v) => v !== undefined);
}

/**
 * The app's root (`/groups/v2`) is its entry resource, read with one GET: the
 * page's "Listing" of it and "Reading" of `/groups/v2/{id}` are that one read.
 */
function appRootEndpoints<E extends EndpointDraft>(endpoints: E[]): E[] {
  const root = endpoints.find((e) => e.operation === "list" && APP_ROOT.test(e.path));
  if (root === undefined) return endpoints;
  return [{ ...root, operation: "get" }, ...endpoints.filter((e) => !e.path.startsWith(`${root.path}/`) && e !== root)];
}

/** Each titled group, with the page section it belongs to (its own title for a section). */
function sectionParts(groups: readonly CellGroup[], isSection: (g: CellGroup) => boolean): Part[] {
  let section = "";
  return groups.map((group) => {
    if (isSection(group)) section = group.title;
    return { section, group };
  });
}

function optionalText<K extends string>(key: K, text: string | undefined): { [P in K]?: string } {
  return (text === undefined || text === "" ? {} : { [key]: text }) as { [P in K]?: string };
}

function exampleOf(parts: readonly { group: CellGroup }[], reading: Reading): unknown {
  const code = parts.flatMap((p) => p.group.cells).find((c) => c.kind === "code");
  if (code === undefined) return undefined;
  const parsed = parseJson(code.text);
  if (!parsed.ok) {
    reading.diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_INVALID_EXAMPLE",
        `${reading.label}: the example object is not JSON (${parsed.message}); left out`,
        reading.at(code.line),
      ),
    );
    return undefined;
  }
  return parsed.value;
}

function rowsOf(group: CellGroup, shape: TableShape, reading: Reading): CellRow[] {
  const cells = group.cells.filter((c) => !(c.kind === "text" && c.text === "Copy"));
  const { rows, stray } = cellRows(cells, shape);
  for (const cell of stray) {
    const text = cell.kind === "row" ? cell.cells.join(" | ") : cell.kind === "list" ? cell.items.join("; ") : cell.text;
    reading.diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_LINE_NOT_READ",
        `${reading.label}: "${text.slice(0, 60)}" under "${group.title}" is not a cell of a row of its table; not read`,
        reading.at(cell.line),
      ),
    );
  }
  return rows;
}

function attributesOf(group: CellGroup, example: unknown, reading: Reading): Located<Attribute>[] {
  const values = exampleAttributes(example);
  return rowsOf(group, SHAPES.attributes, reading).map((row) => {
    const [name, written] = row.lead as [string, string];
    const description = restText(row.rest);
    const base = { name, ...optionalText("description", description), origin: reading.at(row.line) };
    const typed = readTypeCell(written);
    if (typed.kind === "documented") return { ...base, type: typed.type };
    const inferred = Object.hasOwn(values, name) ? exampleEvidence(values[name])?.type : undefined;
    const type: AttributeType = typed.kind === "repaired" ? typed.type : (inferred ?? "unknown");
    reading.diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_TYPE_REPAIRED",
        typeRepairMessage(`${reading.label}.${name}`, typed, type, typed.kind !== "repaired" && inferred !== undefined),
        reading.at(row.line),
      ),
    );
    if (typed.kind === "repaired") return { ...base, type, typeOrigin: "repaired" as const, documentedAs: typed.written };
    return { ...base, type, ...(inferred === undefined ? {} : { typeOrigin: "inferred" as const }) };
  });
}

/** The type the example object's relationship names (`"speaker": {"data": {"type": "Speaker"}}`). */
function exampleTarget(example: unknown, name: string): string | undefined {
  const data = objectAt(objectAt(objectAt(example, "relationships"), name), "data");
  const first = Array.isArray(data) ? (data[0] as unknown) : data;
  const type = objectAt(first, "type");
  return typeof type === "string" && type !== "" ? type : undefined;
}

function objectAt(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function exampleAttributes(example: unknown): Record<string, unknown> {
  const attributes = objectAt(example, "attributes");
  return typeof attributes === "object" && attributes !== null && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {};
}

/**
 * "name, Type, to_one|to_many[, note]". A polymorphic relationship's type cell
 * says "(polymorphic)": its target is the type the example object gives it.
 */
function relationshipsOf(group: CellGroup, example: unknown, reading: Reading): Located<Relationship>[] {
  return rowsOf(group, SHAPES.relationships, reading).flatMap((row) => {
    const [name, written, association] = row.lead as [string, string, string];
    const polymorphic = written === "(polymorphic)";
    const target = polymorphic ? exampleTarget(example, name) : written;
    if (target === undefined) {
      reading.diagnostics.push(
        diagnostic(
          "warning",
          "PAGE_RELATIONSHIP_TARGET",
          `${reading.label}.${name}: a polymorphic relationship whose type neither the table nor the example object gives; not read`,
          reading.at(row.line),
        ),
      );
      return [];
    }
    const note = restText(row.rest);
    return {
      name,
      target,
      toMany: association === "to_many",
      ...(polymorphic ? { polymorphic: true } : {}),
      ...optionalText("note", note),
      origin: reading.at(row.line),
    };
  });
}

/** "include, name, description, assignable": the last cell says "create and update", "create" or "update" when it is assignable. */
function includeOf(group: CellGroup, reading: Reading): IncludeDraft[] {
  // A table with an "Assignable" column states the flags, an empty cell saying "neither".
  const statesFlags = group.cells.some((c) => (c.kind === "text" && c.text === "Assignable") || (c.kind === "row" && c.cells.length >= 4));
  return rowsOf(group, SHAPES.include, reading).map((row) => {
    const assignable =
      row.rest.map((c) => (c.kind === "text" ? c.text : "")).find((t) => /^(create|update)( and (create|update))?$/.test(t)) ?? "";
    return {
      name: row.lead[1]!,
      origin: reading.at(row.line),
      ...(statesFlags ? { assignOnCreate: assignable.includes("create"), assignOnUpdate: assignable.includes("update") } : {}),
    };
  });
}

function orderOf(group: CellGroup, reading: Reading): NamedDraft[] {
  return rowsOf(group, SHAPES.order, reading).map((row) => ({ name: row.lead[1]!, origin: reading.at(row.line) }));
}

/**
 * "name, where[name], type, description, example". An operator row
 * (`where[size][gt]`) documents a comparison on the attribute, which the
 * clients offer on every ordered type: it adds the attribute where no plain
 * row lists it, and nothing otherwise.
 */
function whereOf(group: CellGroup, reading: Reading): Located<QueryParam>[] {
  const rows = rowsOf(group, SHAPES.query, reading).map((row) => {
    const [name, parameter, type] = row.lead as [string, string, string];
    const operator = /^where\[[^\]]+\]\[[a-z]+\]$/.test(parameter);
    const description = restText(row.rest.filter((c) => !(c.kind === "text" && c.text.startsWith("`?where["))));
    return { operator, param: { name, type, ...optionalText("description", description), origin: reading.at(row.line) } };
  });
  const plain = new Set(rows.filter((r) => !r.operator).map((r) => r.param.name));
  return rows
    .filter((r, i) => !r.operator || (!plain.has(r.param.name) && rows.findIndex((s) => s.param.name === r.param.name) === i))
    .map((r) => r.param);
}

function pagingOf(group: CellGroup, reading: Reading): { perPage?: PerPage; offset: boolean; cursor: CursorParam[] } {
  const rows = rowsOf(group, SHAPES.paging, reading);
  const cursor = rows.map((r) => r.lead[1]).filter((n): n is CursorParam => n === "after" || n === "before");
  const offset = rows.some((r) => r.lead[1] === "offset");
  const perPageRow = rows.find((r) => r.lead[1] === "per_page");
  for (const row of rows.filter((r) => !["per_page", "offset", "after", "before"].includes(r.lead[1]!))) {
    reading.diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_UNKNOWN_PAGING",
        `${reading.label}: the paging parameter "${row.lead[1]}" is not one the API documents elsewhere; not read`,
        reading.at(row.line),
      ),
    );
  }
  if (perPageRow === undefined) return { offset, cursor };
  const perPage = perPageFromText(restText(perPageRow.rest) ?? "");
  if (perPage === undefined)
    reading.diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_PER_PAGE",
        `${reading.label}: per_page does not say "(min=…, max=…, default=…)" with min ≤ default ≤ max`,
        reading.at(perPageRow.line),
      ),
    );
  return { ...(perPage === undefined ? {} : { perPage }), offset, cursor };
}

/** A page's endpoint path with its record written `{id}`, as the resource's own `{<id>_id}`. */
function endpointPath(written: string, resourceId: string): string {
  return relativePath(written).replace(/\{id\}/g, `{${resourceId}_id}`);
}

function endpointsOf(group: CellGroup, resourceId: string, reading: Reading): (EndpointDraft & { assignable: string[] })[] {
  const expected = ENDPOINT_GROUPS[group.title];
  if (expected === undefined) {
    reading.diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_SECTION_NOT_READ",
        `${reading.label}: the endpoint group "${group.title}" is not one of Listing, Reading, Creating, Updating, Deleting; not read`,
        reading.at(group.line),
      ),
    );
    return [];
  }
  return rowsOf(group, SHAPES.endpoint, reading).map((row) => {
    const [method] = row.lead as [string, string];
    if (method !== expected.method) {
      reading.diagnostics.push(
        diagnostic(
          "warning",
          "PAGE_METHOD",
          `${reading.label}: "${group.title}" lists ${method}, where ${expected.method} was expected; ${method} is kept`,
          reading.at(row.line),
        ),
      );
    }
    const assignable = row.rest.flatMap((c) => (c.kind === "list" ? c.items.map((item) => item.replace(/`/g, "")) : []));
    return {
      operation: expected.operation,
      method: (method === "PUT" ? "PATCH" : method) as HttpMethod,
      path: endpointPath(row.lead[1]!, resourceId),
      assignable,
      origin: reading.at(row.line),
    };
  });
}

/**
 * One association (or one edge of "Belongs To"): the method and URL, the
 * target as a link to its page, the details, and the "Filter By" bullets
 * (`` `name` — help``). The association is named by its heading, or else by
 * the URL's last segment.
 */
function edgesOf(group: CellGroup, reading: Reading, targetColumn: "Returns" | "Association"): AssociationDraft[] {
  return rowsOf(group, SHAPES.endpoint, reading).map((row) => {
    const path = relativePath(row.lead[1]!);
    const target = row.rest.find((c): c is Extract<Cell, { kind: "text" }> => c.kind === "text" && c.href !== undefined);
    const details = restText(row.rest.filter((c) => c.kind === "text" && c !== target));
    const filters = row.rest.flatMap((c) => (c.kind === "list" ? c.items.map(filterOf) : []));
    const segment = path.split("/").at(-1) ?? "";
    return {
      name: targetColumn === "Returns" && NAME.test(group.title) ? group.title : segment,
      target: target?.text ?? (targetColumn === "Association" ? group.title : ""),
      path,
      filters: filters.map((f) => ({ ...f, origin: reading.at(row.line) })),
      ...optionalText("details", details),
      origin: reading.at(row.line),
    };
  });
}

function filterOf(item: string): Filter {
  const match = /^`([^`]+)`(?:\s+[—–-]+\s+(.*))?$/s.exec(item.trim());
  if (match === null) return { name: item.trim() };
  return { name: match[1]!, ...optionalText("description", match[2]?.trim()) };
}

/** An action: its POST row, then "Details:", "Returns:", "Example Post Body:" and "Permissions:", each followed by its text. */
function actionOf(group: CellGroup, reading: Reading): Located<Action>[] {
  const rows = rowsOf(group, SHAPES.endpoint, reading);
  const row = rows[0];
  if (row === undefined) {
    reading.diagnostics.push(
      diagnostic(
        "warning",
        "PAGE_ACTION",
        `${reading.label}: the action "${group.title}" gives no endpoint; not read`,
        reading.at(group.line),
      ),
    );
    return [];
  }
  const labelled = new Map<string, Cell[]>();
  let label = "";
  for (const cell of row.rest) {
    const title = cell.kind === "text" ? /^(Details|Returns|Example Post Body|Permissions):$/.exec(cell.text)?.[1] : undefined;
    if (title !== undefined) label = title;
    else labelled.set(label, [...(labelled.get(label) ?? []), cell]);
  }
  const text = (key: string) => restText(labelled.get(key) ?? []);
  const body = (labelled.get("Example Post Body") ?? []).find((c) => c.kind === "code");
  const parsed = body === undefined ? undefined : parseJson(body.text);
  return [
    {
      name: group.title,
      path: relativePath(row.lead[1]!),
      ...optionalText("details", text("Details")),
      ...optionalText("canRun", text("Permissions")),
      ...optionalText("returnType", text("Returns")),
      ...(parsed?.ok ? { exampleBody: parsed.value } : {}),
      origin: reading.at(row.line),
    },
  ];
}

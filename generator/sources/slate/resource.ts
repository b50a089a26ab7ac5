/**
 * One `##` section of a Slate app → a resource draft: its type (from the JSON
 * example, else the curl body, else the heading), description, attributes
 * (example values and "Resource Attributes" tables, with "Attribute Info"
 * notes), relationships, endpoints, query capabilities, associations,
 * actions and permissions.
 */
import pluralize from "pluralize";
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { AssociationDraft, EndpointDraft, IncludeDraft, Located, ResourceDraft } from "../../spec/draft.js";
import type { Operation, PermissionNotes, Relationship } from "../../spec/types.js";
import { actionsOf } from "./actions.js";
import { readAttributeInfo, type AttributeNote } from "./attribute-info.js";
import { attributesOf } from "./attributes.js";
import { operationHeading, type OperationKind } from "./headings.js";
import { readOperation, type OperationRead } from "./operation.js";
import type { Parameters } from "./parameters.js";
import { excerpt, unknownHeading, unplaced } from "./report.js";
import type { Section } from "./outline.js";
import { plainText } from "./plain-text.js";
import { snakeCase } from "./names.js";
import { shapeOfHeader } from "./table-shapes.js";

export interface ResourceRead {
  resource: ResourceDraft;
  /** The absolute URLs of its endpoints, which name the app and its host. */
  urls: string[];
  /** The heading's own text, where no example or request body gave the type and the heading's singular did. */
  headingType?: string;
}

const ENDPOINT_OPERATIONS: Partial<Record<OperationKind, Operation>> = {
  list: "list",
  get: "get",
  create: "create",
  update: "update",
  delete: "delete",
};

const NOTE_OF: Partial<Record<OperationKind, keyof PermissionNotes>> = {
  create: "create",
  update: "update",
  delete: "destroy",
  list: "read",
  get: "read",
};

export function readResource(section: Section, app: string, diagnostics: Diagnostic[]): ResourceRead {
  const owner = `${app} ${excerpt(section.heading.text)}`;
  const description = descriptionOf(section, owner, diagnostics);
  let notes: AttributeNote[] = [];
  let relationships: Located<Relationship>[] = [];
  const operations: OperationRead[] = [];
  for (const child of section.children) {
    const operation = operationHeading(child.heading.text);
    if (operation !== undefined) operations.push(readOperation(child, operation, owner, diagnostics));
    else if (child.heading.text === "Attribute Info") notes = [...notes, ...readAttributeInfo(child, owner, diagnostics)];
    else if (child.heading.text === "Relationships") relationships = [...relationships, ...readRelationships(child, owner, diagnostics)];
    else diagnostics.push(unknownHeading(owner, child));
  }
  if (operations.length === 0) {
    diagnostics.push(
      diagnostic("warning", "SLATE_NO_OPERATIONS", `${owner}: the resource documents no operation (List, Get...)`, section.heading.origin),
    );
  }
  const of = (kind: OperationKind) => operations.filter((o) => o.heading.kind === kind);
  const example = of("get").find((o) => o.example)?.example ?? operations.find((o) => o.example)?.example;
  const type = typeOf(section, example?.data, operations);
  const endpoints = endpointsOf(operations);
  const query = queryOf(of("list").length > 0 ? of("list") : of("get"));
  const resource: ResourceDraft = {
    type,
    id: snakeCase(type),
    origin: section.heading.origin,
    ...(description === undefined ? {} : { description }),
    deprecated: false,
    ...pathOf(endpoints),
    attributes: attributesOf(example, operations, notes, owner, diagnostics),
    relationships: [...relationships, ...exampleRelationships(example, relationships)],
    associations: of("associations").flatMap((o) =>
      o.associations.map((a): AssociationDraft => ({ name: a.name, target: a.target, path: a.url, filters: [], origin: a.origin })),
    ),
    actions: of("actions").flatMap((o) => actionsOf(o, owner, diagnostics)),
    endpoints,
    query: {
      where: query.where,
      order: query.order,
      include: includesOf(query.include, operations, owner, diagnostics),
      ...(query.perPage === undefined ? {} : { perPage: query.perPage }),
      ...(query.offset ? { offset: true } : {}),
      ...(query.cursor.length === 0 ? {} : { cursor: [...new Set(query.cursor)] }),
    },
    permissions: {
      create: of("create").length > 0,
      update: of("update").length > 0,
      destroy: of("delete").length > 0,
      ...(of("create").length > 0 ? { createAttributes: of("create").flatMap((o) => o.attributes.map((a) => a.name)) } : {}),
      ...(of("update").length > 0 ? { updateAttributes: of("update").flatMap((o) => o.attributes.map((a) => a.name)) } : {}),
      ...notesOf(operations, owner, diagnostics),
    },
    ...(example === undefined ? {} : { example: example.data }),
  };
  const fromHeading = typeFromData(example?.data, operations) === undefined;
  return {
    resource,
    urls: operations.flatMap((o) => o.requests.map((r) => r.url)),
    ...(fromHeading ? { headingType: section.heading.text } : {}),
  };
}

/** What a list can be asked for: the List operation's URL parameters, or the Get's where there is no List. */
function queryOf(operations: readonly OperationRead[]): Parameters {
  const perPage = operations.map((o) => o.parameters.perPage).find((p) => p !== undefined);
  return {
    where: operations.flatMap((o) => o.parameters.where),
    order: operations.flatMap((o) => o.parameters.order),
    include: operations.flatMap((o) => o.parameters.include),
    filters: operations.flatMap((o) => o.parameters.filters),
    offset: operations.some((o) => o.parameters.offset),
    cursor: operations.flatMap((o) => o.parameters.cursor),
    ...(perPage === undefined ? {} : { perPage }),
  };
}

function descriptionOf(section: Section, owner: string, diagnostics: Diagnostic[]): string | undefined {
  const paragraphs: string[] = [];
  for (const block of section.blocks) {
    if (block.kind === "paragraph") {
      paragraphs.push(block.text);
    } else if (block.kind === "code" && !/^(\{|\[|# |curl )/.test(block.text)) {
      // Text indented four spaces is code to markdown; under a resource heading it is the description.
      diagnostics.push(
        diagnostic("warning", "SLATE_INDENTED_DESCRIPTION", `${owner}: the description is indented like code; read as text`, block.origin),
      );
      paragraphs.push(plainText(block.text));
    } else {
      diagnostics.push(unplaced(owner, section.heading.text, block));
    }
  }
  return paragraphs.length === 0 ? undefined : paragraphs.join("\n\n");
}

function readRelationships(section: Section, owner: string, diagnostics: Diagnostic[]): Located<Relationship>[] {
  const label = `${owner} "Relationships"`;
  const read: Located<Relationship>[] = [];
  for (const block of section.blocks) {
    if (block.kind === "table" && shapeOfHeader(block.header)?.name === "relationships") {
      for (const { cells, origin } of block.rows) {
        const [name = "", target = "", toMany = "", note = ""] = cells;
        if (toMany !== "true" && toMany !== "false") {
          diagnostics.push(
            diagnostic(
              "warning",
              "SLATE_TO_MANY",
              `${label}: "To Many" of ${name} is "${toMany}", not true or false; read as false`,
              origin,
            ),
          );
        }
        read.push({ name, target, toMany: toMany === "true", ...(note === "" ? {} : { note }), origin });
      }
    } else {
      diagnostics.push(unplaced(label, "Relationships", block));
    }
  }
  for (const child of section.children) diagnostics.push(unknownHeading(label, child));
  return read;
}

/** Relationships the example shows that the table does not list; a to-many one holds an array. */
function exampleRelationships(example: OperationRead["example"], listed: readonly Relationship[]): Located<Relationship>[] {
  const relationships = example?.data.relationships;
  if (relationships === null || typeof relationships !== "object") return [];
  return Object.entries(relationships as Record<string, unknown>).flatMap(([name, value]) => {
    if (listed.some((r) => r.name === name)) return [];
    const data = (value as { data?: unknown } | null)?.data;
    const first = Array.isArray(data) ? data[0] : data;
    const target = (first as { type?: unknown } | null | undefined)?.type;
    return typeof target === "string" ? [{ name, target, toMany: Array.isArray(data), origin: example!.origin }] : [];
  });
}

/** The JSON:API type: from the example, else from a curl body, else the singular of the heading. */
function typeOf(section: Section, data: Record<string, unknown> | undefined, operations: readonly OperationRead[]): string {
  return typeFromData(data, operations) ?? pluralize.singular(section.heading.text);
}

/** The type the example object or a request body states, if any. */
function typeFromData(data: Record<string, unknown> | undefined, operations: readonly OperationRead[]): string | undefined {
  if (typeof data?.type === "string" && data.type !== "") return data.type;
  return operations.find((o) => o.curlType !== undefined)?.curlType;
}

function endpointsOf(operations: readonly OperationRead[]): EndpointDraft[] {
  return operations.flatMap((o) => {
    const operation = ENDPOINT_OPERATIONS[o.heading.kind];
    if (operation === undefined) return [];
    const filters = o.heading.kind === "list" ? o.parameters.filters : [];
    return o.requests.map((request) => ({
      operation,
      method: request.method,
      path: request.url,
      ...(filters.length > 0 ? { filters } : {}),
      origin: request.origin,
    }));
  });
}

/** The resource's collection: where it is listed, else where a single one is read, without its id. */
function pathOf(endpoints: readonly EndpointDraft[]): { path?: string } {
  const list = endpoints.find((e) => e.operation === "list");
  if (list !== undefined) return { path: list.path };
  const get = endpoints.find((e) => e.operation === "get");
  return get === undefined ? {} : { path: get.path.replace(/\/\d+$/, "") };
}

/**
 * Includes, each marked where "Included Resources" says it may be sent inline
 * on create or update ("You may include Designations to create inline").
 */
function includesOf(
  includes: readonly IncludeDraft[],
  operations: readonly OperationRead[],
  owner: string,
  diagnostics: Diagnostic[],
): IncludeDraft[] {
  const marks = new Map<string, { create?: boolean; update?: boolean }>();
  for (const o of operations) {
    for (const { phrase, origin } of o.includedResources) {
      const name = includeNamed(phrase, includes);
      if (name === undefined) {
        diagnostics.push(
          diagnostic(
            "warning",
            "SLATE_UNKNOWN_INCLUDE",
            `${owner}: "${phrase}" may be included inline, but is not one of the resource's includes; not read`,
            origin,
          ),
        );
        continue;
      }
      marks.set(name, { ...marks.get(name), [o.heading.kind === "create" ? "create" : "update"]: true });
    }
  }
  if (marks.size === 0) return [...includes];
  return includes.map((include) => {
    const mark = marks.get(include.name);
    return { ...include, assignOnCreate: mark?.create === true, assignOnUpdate: mark?.update === true };
  });
}

/** "Designations" → `designations`, "a NamePrefix" → `name_prefix`. */
function includeNamed(phrase: string, includes: readonly IncludeDraft[]): string | undefined {
  const words = phrase.replace(/^an? /, "");
  const key = (text: string) => text.replace(/_/g, "").toLowerCase();
  return includes.find((i) => key(i.name) === key(words) || key(i.name) === key(pluralize.plural(words)))?.name;
}

/** Who may read, create, update or destroy, and what else each operation notes. */
function notesOf(operations: readonly OperationRead[], owner: string, diagnostics: Diagnostic[]): { notes?: PermissionNotes } {
  const notes: PermissionNotes = {};
  for (const o of operations) {
    const key = NOTE_OF[o.heading.kind];
    if (key === undefined) {
      for (const note of o.notes)
        diagnostics.push(
          unplaced(owner, o.heading.kind === "actions" ? "Actions for" : "Associations for", { kind: "paragraph", ...note }),
        );
      continue;
    }
    if (o.notes.length > 0) notes[key] = [notes[key], ...o.notes.map((n) => n.text)].filter((n) => n !== undefined).join("\n\n");
  }
  return Object.keys(notes).length === 0 ? {} : { notes };
}

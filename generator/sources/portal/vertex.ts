/**
 * One vertex document → a resource draft, taking everything the docs give:
 * attributes, relationships, outbound edges (associations with filters),
 * actions, query capabilities, paging and permissions. Endpoints are derived
 * later, once every vertex of the version is known.
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { JsonNode } from "../../json-node.js";
import { parseJson } from "../../json-text.js";
import type { AssociationDraft, IncludeDraft, Located, NamedDraft, ResourceDraft } from "../../spec/draft.js";
import type { Action, Attribute, Filter, PerPage, Permissions, QueryParam, Relationship } from "../../spec/types.js";
import { pascalCase } from "../../util/case.js";
import { pageSize, pageSizeNumbers } from "../../spec/per-page.js";
import type { PortalDocument } from "./document.js";
import { itemFields, sectionItems, vertexView, VERTEX_SECTIONS, type VertexView } from "./vertex-view.js";
import { readTypeCell, typeRepairMessage } from "../type-repair.js";
import { appendAll } from "../../util/append.js";

/** An edge as the vertex documents it, kept to resolve create paths and list filters. */
export interface EdgeRecord {
  id: string;
  path: string;
  filters: Located<Filter>[];
}

/** An association whose target is known by vertex id only, until all vertices are read. */
export interface PendingAssociation extends Omit<AssociationDraft, "target"> {
  target?: string;
  targetVertex?: string;
}

export interface VertexRead {
  resource: Omit<ResourceDraft, "associations" | "endpoints">;
  associations: PendingAssociation[];
  /** Every edge the vertex mentions, inbound and outbound. */
  edges: EdgeRecord[];
  /** The edges through which the resource can be created, with where the permissions name them. */
  createEdges: { id: string; origin: Origin }[];
  /** Sections the document lacks. */
  missing: string[];
}

export function readVertex(doc: PortalDocument, fileVertexId: string): { value: VertexRead; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const view = vertexView(doc.data);
  const fields = view.fields;
  const id = view.id ?? fileVertexId;
  const type = fields.get("name").text() ?? pascalCase(id);
  if (fields.get("name").text() === undefined) {
    diagnostics.push(
      diagnostic("warning", "PORTAL_MISSING_NAME", `the vertex has no name; "${type}" was taken from its id`, doc.at(fields.get("name"))),
    );
  }
  const missing = VERTEX_SECTIONS.filter((key) => view.section(key) === undefined);
  if (missing.length > 0) {
    diagnostics.push(
      diagnostic(
        "error",
        "PORTAL_PARTIAL_VERTEX",
        `the ${type} vertex lacks ${missing.length} of its ${VERTEX_SECTIONS.length} sections: ${missing.join(", ")}`,
        doc.at(doc.unwrapped ? doc.data : doc.data.get("relationships")),
      ),
    );
  }
  const ctx = { doc, type, diagnostics };
  const perPage = readPerPage(view, ctx);
  const attributes = sectionItems(view.section("attributes")).flatMap((item) => readAttribute(item, ctx));
  const resource: VertexRead["resource"] = {
    type,
    id,
    origin: doc.at([]),
    ...optionalText("description", fields.get("description")),
    deprecated: fields.get("deprecated").boolean() ?? false,
    ...optionalText("path", fields.get("path")),
    ...(fields.get("collection_only").boolean() === true ? { collectionOnly: true } : {}),
    attributes,
    relationships: sectionItems(view.section("relationships")).map((item) => readRelationship(item, ctx)),
    actions: sectionItems(view.section("actions")).map((item) => readAction(item, ctx)),
    query: {
      where: sectionItems(view.section("can_query")).map((item) => readWhere(item, attributes, ctx)),
      order: sectionItems(view.section("can_order")).map((item) => named(item, ctx)),
      include: sectionItems(view.section("can_include")).map((item) => readInclude(item, ctx)),
      ...(perPage === undefined ? {} : { perPage }),
      ...(view.section("offset") === undefined ? {} : { offset: true }),
    },
    permissions: readPermissions(view),
    ...readExample(fields.get("example"), ctx),
  };
  const outbound = sectionItems(view.section("outbound_edges"));
  const inbound = sectionItems(view.section("inbound_edges"));
  return {
    value: {
      resource,
      associations: outbound.flatMap((item) => readAssociation(item, ctx)),
      edges: [...outbound, ...inbound.filter((item) => checkInboundHead(item, ctx))].flatMap((item) => readEdgeRecord(item, doc)),
      createEdges: permissionFields(view)
        .get("edges")
        .elements()
        .flatMap((edge) => {
          const id = edge.text();
          return id === undefined ? [] : [{ id, origin: doc.at(edge) }];
        }),
      missing,
    },
    diagnostics,
  };
}

interface ReadContext {
  doc: PortalDocument;
  type: string;
  diagnostics: Diagnostic[];
}

function readAttribute(item: JsonNode, ctx: ReadContext): Located<Attribute>[] {
  const f = itemFields(item);
  const name = f.get("name").string() ?? "";
  const annotation = f.get("type_annotation");
  const typeName = annotation.isRecord ? annotation.get("name").text() : annotation.text();
  // The repair policy (docs/readers.md): a type that cannot be read costs the type, not the attribute.
  const reading = readTypeCell(typeName ?? "");
  let typed: Pick<Attribute, "type" | "typeOrigin" | "documentedAs"> = { type: reading.kind === "unreadable" ? "unknown" : reading.type };
  if (reading.kind !== "documented") {
    if (reading.kind === "repaired") typed = { type: reading.type, typeOrigin: "repaired", documentedAs: reading.written };
    const why = typeName === undefined ? { ...reading, why: "it has no type annotation" } : reading;
    ctx.diagnostics.push(
      diagnostic(
        "warning",
        "PORTAL_TYPE_REPAIRED",
        typeRepairMessage(`${ctx.type}.${name}`, why, typed.type, false),
        ctx.doc.at(annotation),
      ),
    );
  }
  return [
    {
      name,
      ...typed,
      ...optionalText("description", f.get("description")),
      ...optionalText("note", f.get("note")),
      ...optionalText("permission", f.get("permission_level")),
      origin: ctx.doc.at(item),
    },
  ];
}

function readRelationship(item: JsonNode, ctx: ReadContext): Located<Relationship> {
  const f = itemFields(item);
  const polymorphic = f.get("polymorphic").boolean();
  return {
    name: f.get("name").string() ?? item.get("id").string() ?? "",
    target: f.get("graph_type").text() ?? "",
    toMany: f.get("association").string() === "to_many",
    ...(polymorphic === undefined ? {} : { polymorphic }),
    ...optionalText("note", f.get("note")),
    ...optionalText("authorization", f.get("authorization_level")),
    origin: ctx.doc.at(item),
  };
}

function readAction(item: JsonNode, ctx: ReadContext): Located<Action> {
  const f = itemFields(item);
  const name = f.get("name").string() ?? "";
  return {
    name,
    path: f.get("path").text() ?? "",
    ...optionalText("description", f.get("description")),
    ...optionalText("details", f.get("details")),
    ...optionalText("canRun", f.get("can_run")),
    ...optionalText("returnType", f.get("return_type")),
    ...readExampleBody(f.get("example_body"), `${ctx.type}.${name}`, ctx),
    ...(f.get("deprecated").boolean() === true ? { deprecated: true } : {}),
    origin: ctx.doc.at(item),
  };
}

/**
 * A where parameter. Damaged captures drop its `type`; the attribute of the same
 * name then says what the docs mean, and failing that the type stays `unknown`.
 */
function readWhere(item: JsonNode, attributes: readonly Attribute[], ctx: ReadContext): Located<QueryParam> {
  const f = itemFields(item);
  const name = f.get("name").string() ?? "";
  let type = f.get("type").text();
  if (type === undefined) {
    type = attributes.find((a) => a.name === name)?.type ?? "unknown";
    ctx.diagnostics.push(
      diagnostic(
        "warning",
        "PORTAL_MISSING_TYPE",
        `the where parameter ${ctx.type}.${name} has no type; "${type}" was taken from its attribute`,
        ctx.doc.at(item),
      ),
    );
  }
  return { name, type, ...optionalText("description", f.get("description")), origin: ctx.doc.at(item) };
}

function named(item: JsonNode, ctx: ReadContext): NamedDraft {
  return { name: itemFields(item).get("name").string() ?? "", origin: ctx.doc.at(item) };
}

function readInclude(item: JsonNode, ctx: ReadContext): IncludeDraft {
  const f = itemFields(item);
  const onCreate = f.get("can_assign_on_create").boolean();
  const onUpdate = f.get("can_assign_on_update").boolean();
  return {
    ...named(item, ctx),
    ...(onCreate === undefined ? {} : { assignOnCreate: onCreate }),
    ...(onUpdate === undefined ? {} : { assignOnUpdate: onUpdate }),
  };
}

/** The page size of a documented per_page; one whose numbers make none is reported at the section and left out. */
function readPerPage(view: VertexView, ctx: ReadContext): PerPage | undefined {
  const section = view.section("per_page");
  if (section === undefined) return undefined;
  const f = itemFields(section);
  const [min, max, fallback] = [f.get("minimum").value, f.get("maximum").value, f.get("default").value];
  const perPage = pageSize(min, max, fallback);
  if (perPage === undefined)
    ctx.diagnostics.push(
      diagnostic(
        "warning",
        "PORTAL_BAD_PER_PAGE",
        `${ctx.type}: per_page gives ${pageSizeNumbers(min, max, fallback)}, not whole numbers with minimum ≤ default ≤ maximum; the page size is left out`,
        ctx.doc.at(section),
      ),
    );
  return perPage;
}

function permissionFields(view: VertexView): JsonNode {
  const section = view.section("permissions");
  return section === undefined ? new JsonNode(undefined) : itemFields(section);
}

function readPermissions(view: VertexView): Permissions {
  const f = permissionFields(view);
  const list = (key: string) => (f.get(key).value === undefined || f.get(key).value === null ? undefined : f.get(key).strings());
  const createAttributes = list("create_assignable");
  const updateAttributes = list("update_assignable");
  const notes = Object.fromEntries(
    (["read", "create", "update", "destroy"] as const).flatMap((k) => {
      const note = f.get(k).text();
      return note === undefined ? [] : [[k, note]];
    }),
  );
  return {
    create: f.get("can_create").boolean() ?? false,
    update: f.get("can_update").boolean() ?? false,
    destroy: f.get("can_destroy").boolean() ?? false,
    ...(createAttributes === undefined ? {} : { createAttributes }),
    ...(updateAttributes === undefined ? {} : { updateAttributes }),
    ...(Object.keys(notes).length === 0 ? {} : { notes }),
  };
}

/** An edge's filters: `scopes` (name and help) plus any name only in `filters`. */
function readFilters(f: JsonNode, edgeLabel: string, doc: PortalDocument): { filters: Located<Filter>[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const scopes = f
    .get("scopes")
    .elements()
    .flatMap((scope): Located<Filter>[] => {
      const name = scope.get("name").text() ?? scope.text();
      if (name === undefined) return [];
      let help = scope.get("scope_help");
      if (!scope.has("scope_help") && scope.has("scope")) {
        diagnostics.push(
          diagnostic(
            "warning",
            "PORTAL_SCOPE_KEY",
            `the filter "${name}" of ${edgeLabel} says "scope" where the docs say "scope_help"; read as its help text`,
            doc.at(scope.get("scope")),
          ),
        );
        help = scope.get("scope");
      }
      return [{ name, ...optionalText("description", help), origin: doc.at(scope) }];
    });
  const named = new Set(scopes.map((s) => s.name));
  const plain = f
    .get("filters")
    .elements()
    .flatMap((filter) => {
      const name = filter.text();
      return name === undefined || named.has(name) ? [] : [{ name, origin: doc.at(filter) }];
    });
  return { filters: [...scopes, ...plain], diagnostics };
}

function readAssociation(item: JsonNode, ctx: ReadContext): PendingAssociation[] {
  const f = itemFields(item);
  const name = f.get("name").string() ?? "";
  const label = `${ctx.type}.${name || item.get("id").string() || "?"}`;
  const head = edgeHead(item, label, ctx);
  if (head === undefined) return [];
  const filters = readFilters(f, `the edge ${label}`, ctx.doc);
  appendAll(ctx.diagnostics, filters.diagnostics);
  return [
    {
      name,
      ...head,
      path: f.get("path").text() ?? "",
      filters: filters.filters,
      ...(f.get("deprecated").boolean() === true ? { deprecated: true } : {}),
      ...optionalText("details", f.get("details")),
      origin: ctx.doc.at(item),
    },
  ];
}

/**
 * The vertex an edge leads to. JSON:API puts it at `relationships.head.data`;
 * a head without its `data` wrapper is read as the resource identifier it holds,
 * and a bare document names the head by type.
 */
function edgeHead(item: JsonNode, label: string, ctx: ReadContext): { target?: string; targetVertex?: string } | undefined {
  const head = item.get("relationships").get("head");
  const bareName = item.get("head").text();
  if (bareName !== undefined) return { target: bareName };
  let identifier = head.get("data");
  if (!identifier.isRecord && head.isRecord && head.get("id").text() !== undefined) {
    ctx.diagnostics.push(
      diagnostic(
        "warning",
        "PORTAL_EDGE_HEAD_UNWRAPPED",
        `the edge ${label} has a head without "data"; the identifier it holds (${head.get("id").text()}) was used`,
        ctx.doc.at(head),
      ),
    );
    identifier = head;
  }
  const targetVertex = identifier.get("id").text();
  const target = identifier.get("attributes").get("name").text();
  if (targetVertex === undefined && target === undefined) {
    ctx.diagnostics.push(
      diagnostic(
        "error",
        "PORTAL_EDGE_WITHOUT_HEAD",
        `the edge ${label} does not say which resource it leads to; it was dropped`,
        ctx.doc.at(head),
      ),
    );
    return undefined;
  }
  return { ...(target === undefined ? {} : { target }), ...(targetVertex === undefined ? {} : { targetVertex }) };
}

/** An inbound edge leads to this vertex; its head is checked like an outbound edge's. */
function checkInboundHead(item: JsonNode, ctx: ReadContext): boolean {
  const label = `${itemFields(item).get("name").string() || item.get("id").string() || "?"} (inbound to ${ctx.type})`;
  return edgeHead(item, label, ctx) !== undefined;
}

function readEdgeRecord(item: JsonNode, doc: PortalDocument): EdgeRecord[] {
  const f = itemFields(item);
  const id = item.get("id").text();
  const path = f.get("path").text();
  if (id === undefined || path === undefined) return [];
  // Filter problems are reported once, where the edge is read as an association.
  return [{ id, path, filters: readFilters(f, id, doc).filters }];
}

function readExample(node: JsonNode, ctx: ReadContext): { example?: unknown } {
  const text = node.text();
  if (text === undefined) return {};
  const parsed = parseJson(text);
  if (parsed.ok) return { example: parsed.value };
  ctx.diagnostics.push(
    diagnostic(
      "warning",
      "PORTAL_INVALID_EXAMPLE",
      `the example object of ${ctx.type} is not valid JSON (${parsed.message}); it was left out`,
      ctx.doc.at(node),
    ),
  );
  return {};
}

/** Action bodies are JSON in the docs; one that is not is kept as the docs' text. */
function readExampleBody(node: JsonNode, label: string, ctx: ReadContext): { exampleBody?: unknown } {
  const text = node.text();
  if (text === undefined) return {};
  const parsed = parseJson(text);
  if (parsed.ok) return { exampleBody: parsed.value };
  ctx.diagnostics.push(
    diagnostic(
      "warning",
      "PORTAL_INVALID_EXAMPLE",
      `the example body of ${label} is not valid JSON (${parsed.message}); kept as text`,
      ctx.doc.at(node),
    ),
  );
  return { exampleBody: text };
}

function optionalText<K extends string>(key: K, node: JsonNode): { [P in K]?: string } {
  const text = node.text();
  return text === undefined ? {} : ({ [key]: text } as { [P in K]?: string });
}

/**
 * SpecDraft → Spec: paths templated, every list deduplicated and sorted by name,
 * objects rebuilt field by field so that key order never depends on a reader.
 * Safe repairs (a duplicate name, an empty name) are made and reported as warnings.
 */
import { diagnostic, type Diagnostic, type Origin, type StageResult } from "../diagnostics.js";
import { compareText, sortedStrings } from "../util/order.js";
import type { AssociationDraft, EndpointDraft, Located, NamedDraft, ResourceDraft, SpecDraft } from "./draft.js";
import { buildCollectionIndex, pathShape, relativePath, templatePath, type CollectionIndex } from "./paths.js";
import { withServedRoutes } from "./routes.js";
import {
  ATTRIBUTE_TYPES,
  CURSOR_PARAMS,
  OPERATIONS,
  SPEC_VERSION,
  type Action,
  type Association,
  type Attribute,
  type Endpoint,
  type Filter,
  type Permissions,
  type Query,
  type QueryParam,
  type Relationship,
  type Resource,
  type Security,
  type SourceFormat,
  type Spec,
} from "./types.js";

interface Context {
  diagnostics: Diagnostic[];
  fallback: Origin;
  index: CollectionIndex;
}

export function normalizeSpec(draft: SpecDraft): StageResult<Spec> {
  const context: Context = {
    diagnostics: [],
    fallback: { file: draft.source.location },
    index: collectionIndexOf(draft.resources),
  };
  const resources = dedupeByName(
    draft.resources.map((r) => ({ ...r, name: r.type })),
    "resource",
    draft.app,
    context,
  ).map((r) => normalizeResource(r, context));

  const spec: Spec = {
    specVersion: SPEC_VERSION,
    app: draft.app,
    version: draft.version,
    title: draft.title,
    ...optional("description", draft.description),
    baseUrl: draft.baseUrl,
    ...optional("beta", draft.beta),
    ...optional("versionDetails", draft.versionDetails),
    source: { format: draft.source.format, location: draft.source.location },
    ...(draft.sources === undefined || draft.sources.length < 2
      ? {}
      : { sources: draft.sources.map((s) => ({ format: s.format, location: s.location })) }),
    ...(draft.security === undefined ? {} : { security: normalizeSecurity(draft.security) }),
    ...(draft.partial && draft.partial.length > 0
      ? {
          partial: [...draft.partial]
            .sort((a, b) => compareText(a.file, b.file) || compareText(a.resource ?? "", b.resource ?? ""))
            .map((p) => ({ ...optional("resource", p.resource), file: p.file, missing: sortedStrings(p.missing), reason: p.reason })),
        }
      : {}),
    ...(draft.api === undefined ? {} : { api: draft.api }),
    resources,
  };
  return { value: withServedRoutes(spec), diagnostics: context.diagnostics };
}

/**
 * Which resource lives at each collection path, from everything the draft says,
 * strongest evidence first: a resource's own path, its endpoints that address
 * it, associations that lead to it, and last the collections it is created in.
 */
function collectionIndexOf(resources: readonly ResourceDraft[]): CollectionIndex {
  const idOfType = new Map(resources.map((r) => [r.type, r.id]));
  return buildCollectionIndex(
    resources.flatMap((r) => [
      ...(r.path === undefined ? [] : [{ path: r.path, resourceId: r.id, rank: 0 }]),
      ...r.endpoints.map((e) => ({ path: collectionOf(e), resourceId: r.id, rank: e.operation === "create" ? 3 : 1 })),
      ...r.associations.flatMap((a) => {
        const target = idOfType.get(a.target);
        return target === undefined ? [] : [{ path: a.path, resourceId: target, rank: 2 }];
      }),
    ]),
  );
}

/** The collection an endpoint addresses: its path without a trailing id. */
function collectionOf(endpoint: EndpointDraft): string {
  const path = relativePath(endpoint.path);
  return endpoint.operation === "list" || endpoint.operation === "create" ? path : path.replace(/\/[^/]*$/, "");
}

function normalizeResource(draft: ResourceDraft & { name: string }, context: Context): Resource {
  const label = draft.type;
  const template = (path: string) => templatePath(path, context.index);
  return {
    type: draft.type,
    id: draft.id,
    ...optional("description", draft.description),
    deprecated: draft.deprecated,
    ...optional("path", draft.path === undefined ? undefined : template(draft.path)),
    ...optional("collectionOnly", draft.collectionOnly),
    attributes: dedupeByName(draft.attributes, "attribute", label, context).flatMap((a) =>
      normalizeAttribute(a, label, context),
    ),
    relationships: dedupeByName(draft.relationships, "relationship", label, context).map(normalizeRelationship),
    associations: dedupeByName(draft.associations, "association", label, context).map((a) =>
      normalizeAssociation(a, template, label, context),
    ),
    actions: dedupeByName(draft.actions, "action", label, context).map((a) =>
      normalizeAction(withActionName(a, draft, context), template),
    ),
    endpoints: normalizeEndpoints(draft.endpoints, template, label, context),
    query: normalizeQuery(draft.query, label, context),
    permissions: normalizePermissions(draft.permissions),
    ...(draft.example === undefined ? {} : { example: draft.example }),
    ...sourcesOf(draft.sources),
  };
}

function sourcesOf(sources: readonly SourceFormat[] | undefined): { sources?: SourceFormat[] } {
  return sources === undefined || sources.length === 0 ? {} : { sources: sortedStrings(new Set(sources)) as SourceFormat[] };
}

function normalizeSecurity(security: Security): Security {
  const oauth2 = security.oauth2;
  return {
    ...(oauth2 === undefined
      ? {}
      : {
          oauth2: {
            authorizationUrl: oauth2.authorizationUrl,
            tokenUrl: oauth2.tokenUrl,
            ...optional("refreshUrl", oauth2.refreshUrl),
            scopes: sortedStrings(new Set(oauth2.scopes)),
          },
        }),
    ...optional("personalAccessToken", security.personalAccessToken),
  };
}

function normalizeAttribute(a: Located<Attribute>, label: string, context: Context): Attribute[] {
  if (!(ATTRIBUTE_TYPES as readonly string[]).includes(a.type)) {
    context.diagnostics.push(
      diagnostic(
        "error",
        "SPEC_UNKNOWN_TYPE",
        `${label}.${a.name} has the type annotation "${a.type}", which is not one the docs define (${ATTRIBUTE_TYPES.join(", ")})`,
        a.origin ?? context.fallback,
      ),
    );
  }
  return [
    {
      name: a.name,
      type: a.type,
      ...optional("typeOrigin", a.typeOrigin),
      ...optional("documentedAs", a.documentedAs),
      ...optional("description", a.description),
      ...optional("note", a.note),
      ...optional("permission", a.permission),
      ...optional("mappedFrom", a.mappedFrom),
      ...sourcesOf(a.sources),
    },
  ];
}

function normalizeRelationship(r: Located<Relationship>): Relationship {
  return {
    name: r.name,
    target: r.target,
    toMany: r.toMany,
    ...optional("polymorphic", r.polymorphic),
    ...optional("note", r.note),
    ...optional("authorization", r.authorization),
    ...sourcesOf(r.sources),
  };
}

function normalizeAssociation(
  a: AssociationDraft,
  template: (path: string) => string,
  label: string,
  context: Context,
): Association {
  return {
    name: a.name,
    target: a.target,
    path: template(a.path),
    filters: normalizeFilters(a.filters, `${label}.${a.name}`, context),
    ...optional("deprecated", a.deprecated),
    ...optional("details", a.details),
    ...sourcesOf(a.sources),
  };
}

function normalizeFilters(filters: readonly Located<Filter>[], label: string, context: Context): Filter[] {
  return dedupeByName(filters, "filter", label, context, { quietWhenEqual: true }).map((f) => ({
    name: f.name,
    ...optional("description", f.description),
  }));
}

function normalizeAction(a: Located<Action>, template: (path: string) => string): Action {
  return {
    name: a.name,
    path: template(a.path),
    ...optional("description", a.description),
    ...optional("details", a.details),
    ...optional("canRun", a.canRun),
    ...optional("returnType", a.returnType),
    ...(a.exampleBody === undefined ? {} : { exampleBody: a.exampleBody }),
    ...optional("deprecated", a.deprecated),
    ...sourcesOf(a.sources),
  };
}

/**
 * Every action the docs document sits at `<record or collection>/<name>`; a few
 * are documented at the resource's own path without their name (check-ins'
 * Organization). Posting to the bare path would be another endpoint, so the name
 * is added, with a warning, and every renderer agrees on the URL.
 */
function withActionName(action: Located<Action>, resource: ResourceDraft, context: Context): Located<Action> {
  const path = relativePath(action.path);
  const own = [resource.path, ...resource.endpoints.filter((e) => e.operation === "get").map((e) => e.path)]
    .filter((p): p is string => p !== undefined)
    .map(pathShape);
  if (path.endsWith(`/${action.name}`) || !own.includes(pathShape(path))) return action;
  const repaired = `${path}/${action.name}`;
  context.diagnostics.push(
    diagnostic(
      "warning",
      "SPEC_ACTION_PATH",
      `${resource.type}.${action.name} is documented at ${path}, the resource's own path, without its name; ${repaired} is used`,
      action.origin ?? context.fallback,
    ),
  );
  return { ...action, path: repaired };
}

const METHOD_ORDER = OPERATIONS;

function normalizeEndpoints(
  endpoints: readonly EndpointDraft[],
  template: (path: string) => string,
  label: string,
  context: Context,
): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  for (const e of endpoints) {
    const path = template(e.path);
    const key = `${e.method} ${path}`;
    if (byKey.has(key)) continue; // the same endpoint read twice (e.g. from two headings) is one endpoint
    byKey.set(key, {
      operation: e.operation,
      method: e.method,
      path,
      ...(e.filters && e.filters.length > 0 ? { filters: normalizeFilters(e.filters, `${label} ${key}`, context) } : {}),
      ...(e.query === undefined
        ? {}
        : {
            query: {
              where: sortedStrings(new Set(e.query.where)),
              relationalWhere: sortedStrings(new Set(e.query.relationalWhere)),
              order: sortedStrings(new Set(e.query.order)),
              include: sortedStrings(new Set(e.query.include)),
            },
          }),
      ...sourcesOf(e.sources),
    });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      METHOD_ORDER.indexOf(a.operation) - METHOD_ORDER.indexOf(b.operation) ||
      compareText(a.path, b.path) ||
      compareText(a.method, b.method),
  );
}

function normalizeQuery(query: ResourceDraft["query"], label: string, context: Context): Query {
  const include = dedupeByName(query.include, "include", label, context);
  const assignable = (flag: "assignOnCreate" | "assignOnUpdate") => include.filter((i) => i[flag]).map((i) => i.name);
  const hasAssignFlags = include.some((i) => i.assignOnCreate !== undefined || i.assignOnUpdate !== undefined);
  const whereParam = (w: Located<QueryParam>): QueryParam => ({
    name: w.name,
    type: w.type,
    ...optional("description", w.description),
    ...(w.operators === undefined || w.operators.length === 0 ? {} : { operators: sortedStrings(new Set(w.operators)) }),
  });
  const nested = dedupeByName(query.nestedInclude ?? [], "nested include", label, context).map((i) => i.name);
  const relational = dedupeByName(query.relationalWhere ?? [], "relational where", label, context).map(whereParam);
  return {
    where: dedupeByName(query.where, "where", label, context).map(whereParam),
    order: dedupeByName(query.order, "order", label, context).map((o) => o.name),
    include: include.map((i) => i.name),
    ...(nested.length === 0 ? {} : { nestedInclude: nested }),
    ...(relational.length === 0 ? {} : { relationalWhere: relational }),
    ...(query.perPage === undefined ? {} : { perPage: { ...query.perPage } }),
    ...(query.offset === true ? { offset: true } : {}),
    ...(query.cursor === undefined || query.cursor.length === 0 ? {} : { cursor: CURSOR_PARAMS.filter((c) => query.cursor!.includes(c)) }),
    ...(hasAssignFlags
      ? { assignableIncludes: { create: assignable("assignOnCreate"), update: assignable("assignOnUpdate") } }
      : {}),
  };
}

function normalizePermissions(p: Permissions): Permissions {
  const notes = p.notes === undefined ? [] : Object.entries(p.notes).filter(([, v]) => v !== undefined && v !== "");
  return {
    create: p.create,
    update: p.update,
    destroy: p.destroy,
    ...(p.createAttributes === undefined ? {} : { createAttributes: sortedStrings(new Set(p.createAttributes)) }),
    ...(p.updateAttributes === undefined ? {} : { updateAttributes: sortedStrings(new Set(p.updateAttributes)) }),
    ...(notes.length === 0
      ? {}
      : { notes: Object.fromEntries(notes.sort(([a], [b]) => compareText(a, b))) as Permissions["notes"] }),
  };
}

/**
 * Drops items without a name and all but the first of each name, warning about
 * each, then sorts by name. Equal duplicates of filters are common and harmless
 * in the docs, so they can be dropped quietly.
 */
function dedupeByName<T extends NamedDraft>(
  items: readonly T[],
  kind: string,
  owner: string,
  context: Context,
  options: { quietWhenEqual?: boolean } = {},
): T[] {
  const kept = new Map<string, T>();
  for (const item of items) {
    const name = item.name.trim();
    if (name === "") {
      context.diagnostics.push(
        diagnostic("warning", "SPEC_EMPTY_NAME", `${owner}: ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} without a name was dropped`, item.origin ?? context.fallback),
      );
      continue;
    }
    const first = kept.get(name);
    if (first === undefined) {
      kept.set(name, name === item.name ? item : { ...item, name });
      continue;
    }
    const same = sameContent(first, item);
    if (same && options.quietWhenEqual) continue;
    const where = first.origin ? ` (first at ${first.origin.pointer ?? first.origin.line ?? first.origin.file})` : "";
    context.diagnostics.push(
      diagnostic(
        "warning",
        "SPEC_DUPLICATE_NAME",
        `${owner}: the ${kind} "${name}" appears twice${same ? "" : " with different content"}; the first is kept${where}`,
        item.origin ?? context.fallback,
      ),
    );
  }
  return [...kept.values()].sort((a, b) => compareText(a.name, b.name));
}

function sameContent(a: object, b: object): boolean {
  const strip = ({ origin: _origin, ...rest }: { origin?: unknown }) => rest;
  return stableStringify(strip(a)) === stableStringify(strip(b));
}

function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => compareText(x, y)))
      : v,
  );
}

/**
 * `{ key: value }` when the value is present, else `{}`: absent fields stay absent.
 * Text is trimmed, and text that is only whitespace counts as absent.
 */
function optional<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  const kept = typeof value === "string" ? value.trim() : value;
  if (kept === undefined || kept === null || kept === "") return {};
  return { [key]: kept } as { [P in K]?: V };
}

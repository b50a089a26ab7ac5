/**
 * What each kind of route does to an app-version's records: list (scope,
 * where, order, paging, include), get, the record of a to-one association,
 * create, update, delete, and actions. Every response is a JSON:API document
 * built the way the fixtures are, with the server's own URL in the links.
 */
import { isoDateTime } from "../dataset/attribute-value.js";
import { linkageType, type Dataset } from "../dataset/dataset.js";
import { collectionDocument, singleDocument, type DocumentContext } from "../dataset/documents.js";
import { badParameter, notFound as notFoundError, recordNotFound, storageFull, type ErrorDocument } from "../dataset/errors.js";
import { parameterResource, recordLocation } from "../dataset/locations.js";
import type { FixtureRecord, Linkage } from "../dataset/records.js";
import { backLink, relatedRecords } from "../dataset/related.js";
import { collectionScope, missingParent } from "../dataset/scope.js";
import { assignOwn, setOwn } from "../util/own-property.js";
import { pathParameters } from "../spec/paths.js";
import type { Resource, Spec } from "../spec/types.js";
import { orderComparator } from "./ordering.js";
import type { RequestQuery } from "./query.js";
import { parseBody, type Assigned } from "./request-body.js";
import type { Handler, RouteTable } from "./routes.js";
import { whereFilter } from "./where.js";
import type { WriteBudget } from "./write-budget.js";

/** One app-version as the server holds it: its records change with every create, update and delete. */
export interface AppVersion {
  spec: Spec;
  dataset: Dataset;
  routes: RouteTable;
  /** The server's bound on what clients store, shared by its app-versions. */
  budget: WriteBudget;
  /** The last id given to each type's records: ids count up from the seeded ones and are never given twice. */
  lastIds: Map<string, number>;
}

export interface MockRequest {
  /** The path as sent, still percent-encoded: links repeat it. */
  path: string;
  query: RequestQuery;
  body: string;
  /** The server's own origin, which links start with. */
  baseUrl: string;
  now: Date;
}

export interface MockResponse {
  status: number;
  document?: unknown;
  headers?: Record<string, string>;
}

const DEFAULT_PER_PAGE = { min: 1, max: 100, default: 25 };

export function handle(app: AppVersion, handler: Handler, template: string, values: string[], request: MockRequest): MockResponse {
  const context: DocumentContext = { dataset: app.dataset, baseUrl: request.baseUrl };
  switch (handler.kind) {
    case "list":
      return list(context, handler.resource, handler.filters, template, values, request);
    case "get":
      return withRecord(context, handler.resource, template, values, (record) => single(context, handler.resource, record, request.query));
    case "related":
      return related(context, handler.owner, handler.association, handler.resource, template, values, request.query);
    case "create":
      return create(app, context, handler.resource, template, values, request);
    case "update":
      return withRecord(context, handler.resource, template, values, (record) => update(app, context, handler.resource, record, request));
    case "delete":
      return withRecord(context, handler.resource, template, values, (record) => remove(app, record));
    case "action": {
      const missing = missingParent(app.dataset, template, values);
      return missing === undefined ? { status: 204 } : notFound(missing);
    }
  }
}

function list(
  context: DocumentContext,
  resource: Resource,
  filters: string[],
  template: string,
  values: string[],
  request: MockRequest,
): MockResponse {
  const scope = collectionScope(context.dataset, resource, template, values);
  if ("missing" in scope) return notFound(scope.missing);
  const { query } = request;
  const problem =
    checkNames(query.include, resource.query.include, "include", `${resource.type} can include`) ??
    checkNames(query.filter, filters, "filter", "This collection can be filtered by");
  if (problem !== undefined) return problem;
  const where = whereFilter(context.dataset, resource, query.where);
  if ("error" in where) return badRequest(where.error);
  const order = query.order === undefined ? undefined : orderComparator(resource, query.order);
  if (order !== undefined && "error" in order) return badRequest(order.error);
  const paging = pagingOf(resource, query);
  if ("error" in paging) return badRequest(paging.error);

  const records = scope.records.filter(where.keep);
  if (order !== undefined) records.sort(order.compare);
  const document = collectionDocument(context, resource, {
    records,
    path: request.path,
    query: query.pairs,
    offset: paging.offset,
    perPage: paging.perPage,
    include: query.include,
    filters,
    ...(scope.parent === undefined ? {} : { parent: scope.parent }),
  });
  return { status: 200, document, headers: notApplied([...where.ignored, ...query.filter.map((f) => `filter=${f}`), ...query.ignored]) };
}

function single(context: DocumentContext, resource: Resource, record: FixtureRecord, query: RequestQuery): MockResponse {
  const problem = checkNames(query.include, resource.query.include, "include", `${resource.type} can include`);
  if (problem !== undefined) return problem;
  const listOnly = [
    ...query.where.map((w) => w.parameter),
    ...query.filter.map((f) => `filter=${f}`),
    ...(query.order === undefined ? [] : ["order"]),
    ...(query.perPage === undefined ? [] : ["per_page"]),
    ...(query.offset === undefined ? [] : ["offset"]),
  ];
  return {
    status: 200,
    document: singleDocument(context, resource, record, query.include),
    headers: notApplied([...listOnly, ...query.ignored]),
  };
}

function related(
  context: DocumentContext,
  owner: Resource,
  association: { name: string; target: string },
  target: Resource,
  template: string,
  values: string[],
  query: RequestQuery,
): MockResponse {
  return withRecord(context, owner, template.slice(0, template.lastIndexOf("/")), values, (ownerRecord) => {
    const record = relatedRecords(context.dataset, owner, ownerRecord, association)[0];
    if (record !== undefined) return single(context, target, record, query);
    return { status: 200, document: { data: null, included: [], meta: { can_include: target.query.include } } };
  });
}

function create(
  app: AppVersion,
  context: DocumentContext,
  resource: Resource,
  template: string,
  values: string[],
  request: MockRequest,
): MockResponse {
  const { dataset } = context;
  const missing = missingParent(dataset, template, values);
  if (missing !== undefined) return notFound(missing);
  const body = parseBody(request.body, dataset, resource, "create");
  if ("error" in body) return { status: body.status, document: body.error };
  const record = blankRecord(resource, nextId(app, resource.type));
  assign(record, body.assigned, resource, request.now);
  linkToParent(dataset, record, template, values);
  if (!app.budget.admitCreated(record)) return refusedForSpace(app.budget);
  dataset.records.get(resource.type)!.push(record);
  const location = recordLocation(dataset, resource, record);
  return {
    status: 201,
    document: singleDocument(context, resource, record),
    ...(location === undefined ? {} : { headers: { Location: `${context.baseUrl}${location.path}` } }),
  };
}

function update(app: AppVersion, context: DocumentContext, resource: Resource, record: FixtureRecord, request: MockRequest): MockResponse {
  const body = parseBody(request.body, context.dataset, resource, "update", record.id);
  if ("error" in body) return { status: body.status, document: body.error };
  // What the update assigns is at most what it adds: the values it replaces are let go.
  if (!app.budget.fitsUpdate(JSON.stringify(body.assigned).length)) return refusedForSpace(app.budget);
  assign(record, body.assigned, resource, request.now);
  app.budget.updated(record);
  return { status: 200, document: singleDocument(context, resource, record) };
}

function remove(app: AppVersion, record: FixtureRecord): MockResponse {
  const records = app.dataset.records.get(record.type)!;
  records.splice(records.indexOf(record), 1);
  app.budget.deleted(record);
  return { status: 204 };
}

function refusedForSpace(budget: WriteBudget): MockResponse {
  return {
    status: 507,
    document: storageFull(`The mock server stores at most ${budget.describe()}; delete records or start a new server`),
  };
}

/**
 * Runs `then` on the record a path names: by its last parameter among the
 * records its collection lists (`/people/{person_id}/emails/{email_id}` finds
 * the email among the person's), or the one record of a path without one
 * (`/people/v2`, the organization).
 */
function withRecord(
  context: DocumentContext,
  resource: Resource,
  template: string,
  values: string[],
  then: (record: FixtureRecord) => MockResponse,
): MockResponse {
  const records = context.dataset.records.get(resource.type) ?? [];
  if (!template.endsWith("}")) {
    const only = records[0];
    return only === undefined ? { status: 404, document: notFoundError(`There is no ${resource.type}`) } : then(only);
  }
  const id = values.at(-1)!;
  const collection = template.slice(0, template.lastIndexOf("/"));
  const scope = collectionScope(context.dataset, resource, collection, values.slice(0, -1));
  if ("missing" in scope) return notFound(scope.missing);
  const record = scope.records.find((r) => r.id === id);
  return record === undefined ? notFound({ type: resource.type, id }) : then(record);
}

function pagingOf(resource: Resource, query: RequestQuery): { perPage: number; offset: number } | { error: ErrorDocument } {
  const limits = resource.query.perPage ?? DEFAULT_PER_PAGE;
  const perPage = query.perPage === undefined ? limits.default : wholeNumber(query.perPage);
  // Like the API, a page size out of range is brought into it rather than refused: only one that is no number is.
  const inRange = `one outside ${limits.min} to ${limits.max} is brought into that range`;
  if (perPage === undefined) return { error: badParameter("per_page", `per_page must be a whole number; ${inRange}`) };
  const offset = query.offset === undefined ? 0 : wholeNumber(query.offset);
  if (offset === undefined) return { error: badParameter("offset", "offset must be a whole number, 0 or more") };
  return { perPage: Math.min(limits.max, Math.max(limits.min, perPage)), offset };
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function checkNames(given: readonly string[], allowed: readonly string[], parameter: string, lead: string): MockResponse | undefined {
  const unknown = given.find((name) => !allowed.includes(name));
  if (unknown === undefined) return undefined;
  return badRequest(badParameter(parameter, `${unknown} is not allowed here. ${lead}: ${allowed.join(", ") || "nothing"}`));
}

/** A record of the resource with every documented attribute null and every relationship empty. */
function blankRecord(resource: Resource, id: string): FixtureRecord {
  const attributes = Object.fromEntries(resource.attributes.filter((a) => a.name !== "id").map((a) => [a.name, null]));
  const relationships = Object.fromEntries(resource.relationships.map((r) => [r.name, { data: r.toMany ? [] : null }]));
  return { type: resource.type, id, attributes, relationships };
}

function assign(record: FixtureRecord, assigned: Assigned, resource: Resource, now: Date): void {
  assignOwn(record.attributes, assigned.attributes);
  assignOwn(record.relationships, assigned.relationships);
  const stamp = isoDateTime(now.getTime());
  if (resource.attributes.some((a) => a.name === "created_at") && record.attributes.created_at === null)
    record.attributes.created_at = stamp;
  if (resource.attributes.some((a) => a.name === "updated_at")) record.attributes.updated_at = stamp;
}

/**
 * A record created under a parent (`POST /people/{person_id}/emails`) points
 * back at it, so that the parent's collection lists it.
 */
function linkToParent(dataset: Dataset, record: FixtureRecord, template: string, values: string[]): void {
  const parameter = pathParameters(template).at(-1);
  const owner = parameter === undefined ? undefined : parameterResource(dataset.spec, parameter);
  const resource = dataset.resources.get(record.type);
  if (owner === undefined || resource === undefined) return;
  const back = backLink(dataset, owner, record.type);
  const relationship = resource.relationships.find((r) => r.name === back);
  if (relationship === undefined) return;
  const parent: Linkage = { type: linkageType(dataset.resources, resource, relationship), id: values.at(-1)! };
  const current = record.relationships[relationship.name]?.data;
  setOwn(record.relationships, relationship.name, {
    data: relationship.toMany ? [...(Array.isArray(current) ? current : []), parent] : parent,
  });
}

/**
 * One more than the last id the type was given, starting from its largest
 * seeded id: never taken, never given twice (as the API's are not, even after
 * a delete), and the same in every run. Kept per type, not found by a scan:
 * a scan per create made creating n records cost n².
 */
function nextId(app: AppVersion, type: string): string {
  const last = app.lastIds.get(type) ?? (app.dataset.records.get(type) ?? []).reduce((max, r) => Math.max(max, Number(r.id) || 0), 0);
  app.lastIds.set(type, last + 1);
  return String(last + 1);
}

function notFound(missing: Linkage): MockResponse {
  return { status: 404, document: recordNotFound(missing) };
}

function badRequest(error: ErrorDocument): MockResponse {
  return { status: 400, document: error };
}

/** The query parameters that had no effect, so that a test can see them (percent-escaped beyond printable ASCII, as a header must be). */
function notApplied(parameters: readonly string[]): Record<string, string> {
  return parameters.length === 0
    ? {}
    : { "X-Mock-Not-Applied": parameters.join(", ").replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c)) };
}

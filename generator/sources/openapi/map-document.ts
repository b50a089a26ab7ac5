/**
 * One official OpenAPI document → one SpecDraft: resources from the
 * `<type>_resource` schemas, endpoints and actions from the paths, the query
 * vocabulary from each operation's parameters, and the security schemes.
 * What cannot be mapped is a diagnostic at its JSON pointer, never dropped
 * quietly. `info.x-pco-api-version` is the build of the software that wrote
 * the document and is not read.
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import type { AssociationDraft, EndpointDraft, Located, ResourceDraft, SpecDraft } from "../../spec/draft.js";
import type { Filter, Operation, Permissions } from "../../spec/types.js";
import { child, isObject, originAt, rootNode, text, type Node } from "./openapi-node.js";
import { parentPath, readOperations, type OpenApiOperation } from "./operations.js";
import { readQuery, type OperationQuery, type ParameterCache } from "./operation-query.js";
import { readResources, type ResourceBuild } from "./resources.js";
import { endpointQueryOf, queryNames, resourceQueryOf } from "./resource-query.js";
import { securityOf } from "./security.js";

export interface MapResult {
  draft: SpecDraft | undefined;
  diagnostics: Diagnostic[];
}

/** What an operation is mapped with: the document, its resources, and what earlier operations found. */
interface MappingContext {
  root: Node;
  file: string;
  diagnostics: Diagnostic[];
  builds: ReadonlyMap<string, ResourceBuild>;
  /** The type a GET at each path returns: an association's owner is the record a path below it names. */
  typeAt: ReadonlyMap<string, string>;
  /** Each resource's endpoints, with the query each takes. */
  queries: Map<ResourceBuild, { endpoint: EndpointDraft; query: OperationQuery }[]>;
  parameters: ParameterCache;
  /** A path of the document, as the API serves it: `/<app>/v2<path>`. */
  full: (path: string) => string;
  located: (node: Node) => Origin;
}

/** `file` is where the document was read (relative or a URL): `source.location` and every diagnostic's file. */
export function mapOpenApiDocument(document: unknown, file: string): MapResult {
  const diagnostics: Diagnostic[] = [];
  const root = rootNode(document);
  const identity = identityOf(document, root, file);
  if ("error" in identity) return { draft: undefined, diagnostics: [identity.error] };
  const { app, version, baseUrl } = identity;

  const builds = readResources(root, file, diagnostics);
  const operations = readOperations(root, file, diagnostics);
  const typeAt = new Map<string, string>();
  for (const op of operations)
    if ((op.operation === "get" || op.operation === "list") && op.type !== undefined) typeAt.set(op.path, op.type);
  const context: MappingContext = {
    root,
    file,
    diagnostics,
    builds,
    typeAt,
    queries: new Map(),
    parameters: new WeakMap(),
    full: (path) => `/${app}/v2${path === "/" ? "" : path}`,
    located: (node) => originAt(file, node),
  };
  for (const op of operations) mapOperation(op, context);
  for (const build of builds.values()) finishResource(build, context.queries.get(build) ?? [], `/${app}/v2`);

  const info = child(root, "info");
  const description = text(child(info, "description"))?.trim();
  const security = securityOf(root, file, diagnostics);
  const draft: SpecDraft = {
    app,
    version,
    title: text(child(info, "title")) ?? app,
    ...(description ? { description } : {}),
    baseUrl,
    source: { format: "openapi", location: file },
    ...(security === undefined ? {} : { security }),
    resources: [...builds.values()].map((b) => b.draft),
  };
  return { draft, diagnostics };
}

/** The app, version and host the document is of; an error where it names none of them as PCO's documents do. */
function identityOf(
  document: unknown,
  root: Node,
  file: string,
): { app: string; version: string; baseUrl: string } | { error: Diagnostic } {
  const serverUrl = text(child(child(child(root, "servers"), 0), "url"));
  const server = serverUrl === undefined ? null : /^(https?:\/\/[^/]+)\/([a-z][a-z0-9_-]*)\/v2\/?$/.exec(serverUrl);
  if (!isObject(document) || server === null) {
    return {
      error: diagnostic("error", "OPENAPI_NOT_PCO", "not an official PCO OpenAPI document: servers[0].url is not https://<host>/<app>/v2", {
        file,
        pointer: "/servers/0/url",
      }),
    };
  }
  const versionNode = child(child(root, "info"), "version");
  const version = text(versionNode);
  if (version === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(version)) {
    return {
      error: diagnostic("error", "OPENAPI_NO_VERSION", "info.version is not an API version (YYYY-MM-DD)", originAt(file, versionNode)),
    };
  }
  return { app: server[2]!, version, baseUrl: server[1]! };
}

/** One operation into its resource's draft: an action, or an endpoint with its query, permission and association. */
function mapOperation(op: OpenApiOperation, context: MappingContext): void {
  const { builds, diagnostics, located, full } = context;
  if (op.type === undefined) return;
  const build = builds.get(op.type);
  if (build === undefined) {
    diagnostics.push(
      diagnostic(
        "warning",
        "OPENAPI_UNKNOWN_TYPE",
        `${op.method} ${op.path} works on ${op.type}, which no <type>_resource schema describes; skipped`,
        located(op.node),
      ),
    );
    return;
  }
  const query = readQuery(op, builds, context.file, diagnostics, context.parameters);
  if (op.operation === undefined) {
    const description = text(child(child(child(context.root, "paths"), op.path), "description"))?.trim();
    build.draft.actions.push({
      name: op.path.slice(op.path.lastIndexOf("/") + 1),
      path: full(op.path),
      ...(description ? { description } : {}),
      origin: located(op.node),
    });
    return;
  }
  const endpoint: EndpointDraft = { operation: op.operation, method: op.method, path: full(op.path), origin: located(op.node) };
  if (query.filters.length > 0) endpoint.filters = query.filters;
  build.draft.endpoints.push(endpoint);
  const own = context.queries.get(build) ?? [];
  own.push({ endpoint, query });
  context.queries.set(build, own);
  build.draft.permissions = withPermission(build.draft.permissions, op.operation, op.assignable);
  const association = associationOf(op, query.filters, context.typeAt, builds.has("Organization"), full, located);
  if (association !== undefined) addAssociation(builds.get(association.owner)?.draft, association.value);
}

/** Permissions with what an endpoint allows: a create or update, with the attributes its body may hold, or a delete. */
function withPermission(permissions: Permissions, operation: Operation, assignable: readonly string[]): Permissions {
  if (operation === "create")
    return { ...permissions, create: true, createAttributes: [...(permissions.createAttributes ?? []), ...assignable] };
  if (operation === "update")
    return { ...permissions, update: true, updateAttributes: [...(permissions.updateAttributes ?? []), ...assignable] };
  if (operation === "delete") return { ...permissions, destroy: true };
  return permissions;
}

/** What a resource's endpoints say of it as a whole: its query vocabulary (each endpoint's where it differs), its path. */
function finishResource(build: ResourceBuild, own: readonly { endpoint: EndpointDraft; query: OperationQuery }[], appPrefix: string): void {
  const draft = build.draft;
  draft.query = resourceQueryOf(own.map((q) => q.query));
  const names = queryNames(draft.query);
  for (const { endpoint, query } of own) {
    const differs = endpointQueryOf(endpoint.operation, query, names);
    if (differs !== undefined) endpoint.query = differs;
  }
  draft.path = resourcePathOf(draft, appPrefix);
  draft.collectionOnly =
    draft.endpoints.some((e) => e.operation === "list") && !draft.endpoints.some((e) => e.operation === "get") ? true : undefined;
}

/** One association per name: the document repeats it under every route to its owner; the shortest is kept. */
function addAssociation(owner: ResourceDraft | undefined, association: AssociationDraft): void {
  if (owner === undefined) return;
  const index = owner.associations.findIndex((a) => a.name === association.name);
  const seen = owner.associations[index];
  if (seen === undefined) owner.associations.push(association);
  else if (association.path.length < seen.path.length)
    owner.associations[index] = { ...association, filters: [...seen.filters, ...association.filters] };
  else owner.associations[index] = { ...seen, filters: [...seen.filters, ...association.filters] };
}

/**
 * A GET at `<record path>/<name>` is an association of the record's resource;
 * at the app's root, of the Organization (the documentation API's entry).
 */
function associationOf(
  op: OpenApiOperation,
  filters: Located<Filter>[],
  typeAt: ReadonlyMap<string, string>,
  hasOrganization: boolean,
  full: (path: string) => string,
  located: (node: Node) => Origin,
): { owner: string; value: AssociationDraft } | undefined {
  if (op.operation !== "list" && op.operation !== "get") return undefined;
  const name = op.path.slice(op.path.lastIndexOf("/") + 1);
  if (name.startsWith("{") || name === "") return undefined;
  const parent = parentPath(op.path);
  const owner = parent === "" ? (hasOrganization ? "Organization" : undefined) : parent.endsWith("}") ? typeAt.get(parent) : undefined;
  if (owner === undefined || op.type === undefined) return undefined;
  return { owner, value: { name, target: op.type, path: full(op.path), filters, origin: located(op.node) } };
}

/**
 * A resource's own collection: where the document lists it (or, for a
 * resource read one at a time, returns it) at the app's top level. A resource
 * reached only through others has none: the document does not say one.
 */
function resourcePathOf(resource: ResourceDraft, appPrefix: string): string | undefined {
  const topLevel = (e: EndpointDraft) => /^\/[^/{}]+$/.test(e.path.slice(appPrefix.length));
  const list = resource.endpoints.find((e) => e.operation === "list" && topLevel(e));
  if (list !== undefined) return list.path;
  const get = resource.endpoints.find((e) => e.operation === "get" && topLevel(e));
  return get?.path;
}

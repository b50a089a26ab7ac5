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
import type { Filter } from "../../spec/types.js";
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

/** `file` is where the document was read (relative or a URL): `source.location` and every diagnostic's file. */
export function mapOpenApiDocument(document: unknown, file: string): MapResult {
  const diagnostics: Diagnostic[] = [];
  const root = rootNode(document);
  const located = (node: Node) => originAt(file, node);
  const serverUrl = text(child(child(child(root, "servers"), 0), "url"));
  const server = serverUrl === undefined ? null : /^(https?:\/\/[^/]+)\/([a-z][a-z0-9_-]*)\/v2\/?$/.exec(serverUrl);
  if (!isObject(document) || server === null) {
    diagnostics.push(
      diagnostic("error", "OPENAPI_NOT_PCO", "not an official PCO OpenAPI document: servers[0].url is not https://<host>/<app>/v2", {
        file,
        pointer: "/servers/0/url",
      }),
    );
    return { draft: undefined, diagnostics };
  }
  const baseUrl = server[1]!;
  const app = server[2]!;
  const info = child(root, "info");
  const version = text(child(info, "version"));
  if (version === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(version)) {
    diagnostics.push(
      diagnostic("error", "OPENAPI_NO_VERSION", "info.version is not an API version (YYYY-MM-DD)", located(child(info, "version"))),
    );
    return { draft: undefined, diagnostics };
  }
  const full = (path: string) => `/${app}/v2${path === "/" ? "" : path}`;

  const builds = readResources(root, file, diagnostics);
  const operations = readOperations(root, file, diagnostics);
  const typeAt = new Map<string, string>();
  for (const op of operations)
    if ((op.operation === "get" || op.operation === "list") && op.type !== undefined) typeAt.set(op.path, op.type);
  const queries = new Map<ResourceBuild, { endpoint: EndpointDraft; query: OperationQuery }[]>();
  const parameters: ParameterCache = new WeakMap();

  for (const op of operations) {
    if (op.type === undefined) continue;
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
      continue;
    }
    const query = readQuery(op, builds, file, diagnostics, parameters);
    if (op.operation === undefined) {
      const description = text(child(child(child(root, "paths"), op.path), "description"))?.trim();
      build.draft.actions.push({
        name: op.path.slice(op.path.lastIndexOf("/") + 1),
        path: full(op.path),
        ...(description ? { description } : {}),
        origin: located(op.node),
      });
      continue;
    }
    const endpoint: EndpointDraft = { operation: op.operation, method: op.method, path: full(op.path), origin: located(op.node) };
    if (query.filters.length > 0) endpoint.filters = query.filters;
    build.draft.endpoints.push(endpoint);
    const own = queries.get(build) ?? [];
    own.push({ endpoint, query });
    queries.set(build, own);
    const permissions = build.draft.permissions;
    if (op.operation === "create")
      build.draft.permissions = {
        ...permissions,
        create: true,
        createAttributes: [...(permissions.createAttributes ?? []), ...op.assignable],
      };
    if (op.operation === "update")
      build.draft.permissions = {
        ...permissions,
        update: true,
        updateAttributes: [...(permissions.updateAttributes ?? []), ...op.assignable],
      };
    if (op.operation === "delete") build.draft.permissions = { ...permissions, destroy: true };
    const association = associationOf(op, query.filters, typeAt, builds.has("Organization"), full, located);
    if (association !== undefined) addAssociation(builds.get(association.owner)?.draft, association.value);
  }

  for (const build of builds.values()) {
    const own = queries.get(build) ?? [];
    build.draft.query = resourceQueryOf(own.map((q) => q.query));
    const names = queryNames(build.draft.query);
    for (const { endpoint, query } of own) {
      const differs = endpointQueryOf(endpoint.operation, query, names);
      if (differs !== undefined) endpoint.query = differs;
    }
    build.draft.path = resourcePathOf(build.draft, `/${app}/v2`);
    build.draft.collectionOnly =
      build.draft.endpoints.some((e) => e.operation === "list") && !build.draft.endpoints.some((e) => e.operation === "get")
        ? true
        : undefined;
  }

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

/**
 * The routes the API serves, beyond the ones the documentation API writes
 * out (specs read from it; other sources keep the requests they list). It documents each resource once, at its own path, and each
 * association as a list URL; the API serves more, by one rule: every URL that
 * lists records also addresses each of them by id. So, for every association:
 *
 * - its records by id: `GET <association path>/{<target>_id}`, and `PATCH` and
 *   `DELETE` there where the target's permissions allow them (a record that is
 *   only ever listed, `collectionOnly`, has no such route);
 * - a resource whose own top-level path no association reaches (the root does
 *   not list it) is served under the first association that does, by path, and
 *   its own associations are served from there too;
 * - the current user, `GET <app root>/me`, in every app that documents a
 *   Person (the docs' "Current User" section: "you can use the `/me` endpoint").
 *
 * Every endpoint not at its resource's own path also records the association
 * it is reached through (`via`), which names it in clients and operationIds.
 * A route the docs already give (by method and path shape) is never added twice.
 */
import { compareText } from "../util/order.js";
import { pathParameters, pathShape } from "./paths.js";
import type { Association, Endpoint, Resource, SourceFormat, Spec } from "./types.js";

const DOCUMENTATION_API_FORMATS: ReadonlySet<SourceFormat> = new Set(["portal", "portal-page-text", "portal-page-markdown"]);

const OPERATION_ORDER = ["list", "get", "create", "update", "delete"] as const;

interface RouteIndex {
  byType: ReadonlyMap<string, Resource>;
  /** `METHOD shape` of every documented route: endpoints, associations (GET), actions (POST). */
  taken: Set<string>;
  added: Map<string, Endpoint[]>;
}

export function withServedRoutes(spec: Spec): Spec {
  // The Slate site wrote out each request it documents; the rule is the documentation API's, whether read
  // as JSON or from the portal's pages.
  if (!DOCUMENTATION_API_FORMATS.has(spec.source.format)) return spec;
  const index: RouteIndex = {
    byType: new Map(spec.resources.map((r) => [r.type, r])),
    taken: new Set(spec.resources.flatMap(documentedRoutes)),
    added: new Map(),
  };
  const add = (type: string, endpoint: Endpoint) => {
    const key = `${endpoint.method} ${pathShape(endpoint.path)}`;
    if (index.taken.has(key)) return;
    index.taken.add(key);
    index.added.set(type, [...(index.added.get(type) ?? []), endpoint]);
  };
  const sources = sortedAssociations(spec.resources);
  for (const { owner, association } of sources) itemRoutes(index, association, { resource: owner.type, association: association.name }, add);
  for (const moved of rerootedAssociations(spec, sources)) {
    add(moved.association.target, { operation: "list", method: "GET", path: moved.path, via: moved.via });
    itemRoutes(index, { ...moved.association, path: moved.path }, moved.via, add);
  }
  const root = appRoot(spec);
  if (root !== undefined && index.byType.has("Person")) add("Person", { operation: "get", method: "GET", path: `${root}/me`, currentUser: true });

  return {
    ...spec,
    resources: spec.resources.map((resource) => {
      const endpoints = [...resource.endpoints, ...(index.added.get(resource.type) ?? [])].map((e) => withVia(e, resource, sources));
      return { ...resource, endpoints: endpoints.sort(byOperationThenPath) };
    }),
  };
}

function documentedRoutes(resource: Resource): string[] {
  return [
    ...resource.endpoints.map((e) => `${e.method} ${pathShape(e.path)}`),
    ...resource.associations.map((a) => `GET ${pathShape(a.path)}`),
    ...resource.actions.map((a) => `POST ${pathShape(a.path)}`),
  ];
}

interface OwnedAssociation {
  owner: Resource;
  association: Association;
}

function sortedAssociations(resources: readonly Resource[]): OwnedAssociation[] {
  return resources
    .flatMap((owner) => owner.associations.map((association) => ({ owner, association })))
    .sort((a, b) => compareText(a.association.path, b.association.path) || compareText(a.owner.type, b.owner.type));
}

/** Get, update and delete of one record under an association's list URL. */
function itemRoutes(
  index: RouteIndex,
  association: Pick<Association, "path" | "target">,
  via: NonNullable<Endpoint["via"]>,
  add: (type: string, endpoint: Endpoint) => void,
): void {
  const target = index.byType.get(association.target);
  if (target === undefined || target.collectionOnly) return;
  const path = `${association.path}/{${distinctParameter(association.path, `${target.id}_id`)}}`;
  add(target.type, { operation: "get", method: "GET", path, via });
  if (target.permissions.update) add(target.type, { operation: "update", method: "PATCH", path, via });
  if (target.permissions.destroy) add(target.type, { operation: "delete", method: "DELETE", path, via });
}

/** `person_id`, or `person_id_2` where the path already names a `person_id`: a template names each parameter once. */
function distinctParameter(path: string, name: string): string {
  const taken = new Set(pathParameters(path));
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}_${n}`;
  return candidate;
}

/** The app's root, `/groups/v2`: the own path of the resource documented there (the Organization). */
export function appRoot(spec: Spec): string | undefined {
  const root = `/${spec.app}/v2`;
  return spec.resources.some((r) => r.path === root) ? root : undefined;
}

/**
 * The associations of each resource that lives at a top-level path no
 * association reaches, moved under the first association (by path) that
 * reaches the resource: Location's `group`, documented at
 * `/groups/v2/locations/{location_id}/group`, is served at
 * `/groups/v2/events/{event_id}/location/{location_id}/group`.
 */
function rerootedAssociations(
  spec: Spec,
  sources: readonly OwnedAssociation[],
): { association: Association; path: string; via: NonNullable<Endpoint["via"]> }[] {
  const root = appRoot(spec);
  if (root === undefined) return [];
  const reached = new Set([root, ...sources.map((s) => s.association.path)].map(pathShape));
  return spec.resources.flatMap((resource) => {
    const own = resource.path;
    if (own === undefined || reached.has(pathShape(own)) || !isTopLevel(own, root)) return [];
    const canonical = sources.find((s) => s.association.target === resource.type)?.association.path;
    if (canonical === undefined) return [];
    const item = `${own}/{`;
    return resource.associations.flatMap((association) => {
      if (!association.path.startsWith(item)) return [];
      const rest = association.path.slice(own.length);
      return [{ association, path: `${canonical}${rest}`, via: { resource: resource.type, association: association.name } }];
    });
  });
}

function isTopLevel(path: string, root: string): boolean {
  return path.startsWith(`${root}/`) && !path.slice(root.length + 1).includes("/");
}

/**
 * An endpoint away from its resource's own path records the association whose
 * list URL it addresses (its own path, or the path without the record's id),
 * where one does; the first by path and owner when several do.
 */
function withVia(endpoint: Endpoint, resource: Resource, sources: readonly OwnedAssociation[]): Endpoint {
  if (endpoint.via !== undefined || endpoint.currentUser) return endpoint;
  const collection = pathShape(endpoint.operation === "list" || endpoint.operation === "create" ? endpoint.path : endpoint.path.replace(/\/[^/]*$/, ""));
  if (resource.path !== undefined && pathShape(resource.path) === collection) return endpoint;
  const through = sources.find((s) => s.association.target === resource.type && pathShape(s.association.path) === collection);
  return through === undefined ? endpoint : { ...endpoint, via: { resource: through.owner.type, association: through.association.name } };
}

function byOperationThenPath(a: Endpoint, b: Endpoint): number {
  return (
    OPERATION_ORDER.indexOf(a.operation) - OPERATION_ORDER.indexOf(b.operation) ||
    compareText(a.path, b.path) ||
    compareText(a.method, b.method)
  );
}

/**
 * The resource's endpoint of an operation at its own path, where it has one;
 * else one not reached through an association; else any but `/me`. What a
 * renderer means by "the record's path". An endpoint without `via` need not be
 * at the resource's own path: an official OpenAPI document lists routes under
 * nested paths no association names (`/groups/v2/events/{event_id}/location/{location_id}/group/{group_id}`).
 */
export function ownEndpoint(resource: Resource, operation: Endpoint["operation"]): Endpoint | undefined {
  const candidates = resource.endpoints.filter((e) => e.operation === operation && e.currentUser !== true);
  const own = resource.path === undefined ? undefined : pathShape(resource.path);
  const atOwnPath = own === undefined ? undefined : candidates.find((e) => e.via === undefined && [own, `${own}/*`].includes(pathShape(e.path)));
  return atOwnPath ?? candidates.find((e) => e.via === undefined) ?? candidates[0];
}

/**
 * Which handles a client has and what each one offers, from the documented
 * paths alone. The client's members are the collections at the top of the
 * API (a list path without ids: `/people/v2/people`) and the records there (an
 * `Organization` at `/people/v2`), and the current user (`/people/v2/me`). A collection reaches a record by id when
 * the spec serves that resource's record right under it (its own record path,
 * or a record route under an association). A record's members are
 * its resource's associations (a to-many one is a collection, a to-one one a
 * single record) and actions, each one path segment below the record.
 *
 * Paths are only ever built by appending: a member's suffix (fixed here, from
 * the docs, percent-encoded) or an encoded id. Whatever the docs document but
 * no handle can reach is reported (info), so nothing is dropped silently.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { sortedBy } from "../../util/order.js";
import { isIdSegment, pathShape } from "../../spec/paths.js";
import type { Action, Association, Filter, Resource, Spec } from "../../spec/types.js";
import { associationIsToMany, lastSegment, parentShape, recordShapeOf } from "../../spec/cardinality.js";

interface MemberBase {
  /** The docs' name: an association's or action's name, or a top-level collection's path segment. */
  wire: string;
  /** Appended to the parent handle's path (percent-encoded). */
  suffix: string;
  /** The documented path, for doc comments. */
  template: string;
  deprecated: boolean;
  details?: string;
}

export interface CollectionMember extends MemberBase {
  kind: "collection";
  target: string;
  filters: Filter[];
  list: boolean;
  /** Documented at this path and allowed by the permissions. */
  create: boolean;
  /** The target's record is right under this collection: `id(x)` reaches it. */
  byId: boolean;
}

export interface SingleMember extends MemberBase {
  kind: "single";
  target: string;
  /** Documented at this path and allowed by the permissions. */
  create: boolean;
  /** The target's own record lives here, with its members; otherwise only `get`. */
  record: boolean;
  /** The current user's record (`/me`): `get` always answers one. */
  currentUser?: boolean;
}

export interface ActionMember extends MemberBase {
  kind: "action";
  action: Action;
}

export type Member = CollectionMember | SingleMember | ActionMember;

export interface RecordNav {
  resource: Resource;
  /** The record's path template, when the docs give one. */
  template?: string;
  /** What the docs document at the record's path and the permissions allow. */
  get: boolean;
  update: boolean;
  delete: boolean;
  members: Member[];
}

export interface Navigation {
  root: Member[];
  /** By resource type. */
  records: Map<string, RecordNav>;
}

export function specFile(spec: Pick<Spec, "app" | "version">): string {
  return `spec/${spec.app}/${spec.version}.json`;
}

/** What building the navigation of one spec needs at every step. */
interface Scope {
  resources: ReadonlyMap<string, Resource>;
  /** Each resource type's record path shape. */
  shapes: ReadonlyMap<string, string | undefined>;
  report: (severity: "warning" | "info", code: string, message: string, pointer: string) => void;
}

export function buildNavigation(spec: Spec): { value: Navigation; diagnostics: Diagnostic[] } {
  const file = specFile(spec);
  const diagnostics: Diagnostic[] = [];
  const scope: Scope = {
    resources: new Map(spec.resources.map((r) => [r.type, r])),
    shapes: new Map(spec.resources.map((r) => [r.type, recordShapeOf(r)])),
    report: (severity, code, message, pointer) => diagnostics.push(diagnostic(severity, code, message, { file, pointer })),
  };
  const records = new Map(ordered(spec.resources, byType).map(({ item, index }) => [item.type, recordNav(scope, item, index)]));
  const navigation = { root: rootMembers(scope, spec, records), records };
  reportUnreachable(spec, navigation, scope.report);
  return { value: navigation, diagnostics };
}

/**
 * Items sorted by a key, each with its index in the spec kept for pointers:
 * the output must not depend on the order the spec lists things in.
 */
const ordered = <T>(items: readonly T[], key: (item: T) => string) =>
  sortedBy(
    items.map((item, index) => ({ item, index })),
    ({ item }) => key(item),
  );
const byName = (item: { name: string }) => item.name;
const byType = (item: { type: string }) => item.type;

/** A suffix from documented segments, or undefined (reported) when a segment could climb the path. */
function suffixOf(scope: Scope, segments: readonly string[], pointer: string): string | undefined {
  if (segments.some((s) => s === "" || s === "." || s === ".." || isIdSegment(s))) {
    scope.report(
      "warning",
      "CLIENT_BAD_PATH",
      `the path segment(s) ${JSON.stringify(segments.join("/"))} cannot be called safely; left out of the client`,
      pointer,
    );
    return undefined;
  }
  return segments.map((s) => `/${encodeURIComponent(s)}`).join("");
}

/** What a collection (or a to-one path) of `target` records at `shape` offers besides listing. */
function collectionAt(scope: Scope, shape: string, target: string): Pick<CollectionMember, "create" | "byId"> {
  const resource = scope.resources.get(target);
  if (resource === undefined) return { create: false, byId: false };
  return {
    create: resource.permissions.create && resource.endpoints.some((e) => e.operation === "create" && pathShape(e.path) === shape),
    // Its own record path, or a record route served under this association (`.phoneNumbers.id("2")`).
    byId:
      scope.shapes.get(target) === `${shape}/*` ||
      resource.endpoints.some((e) => e.operation !== "list" && e.operation !== "create" && pathShape(e.path) === `${shape}/*`),
  };
}

function recordNav(scope: Scope, resource: Resource, r: number): RecordNav {
  const shape = scope.shapes.get(resource.type);
  const at = (operation: string) => resource.endpoints.find((e) => e.operation === operation && pathShape(e.path) === shape);
  const associations = ordered(resource.associations, byName).map(({ item, index }) =>
    associationMember(scope, resource, shape, item, `/resources/${r}/associations/${index}`),
  );
  const actions = ordered(resource.actions, byName).map(({ item, index }) =>
    actionMember(scope, resource, shape, item, `/resources/${r}/actions/${index}`),
  );
  return {
    resource,
    template: at("get")?.path ?? at("update")?.path ?? at("delete")?.path,
    get: at("get") !== undefined,
    update: at("update") !== undefined && resource.permissions.update,
    delete: at("delete") !== undefined && resource.permissions.destroy,
    members: [...associations, ...actions].filter((m): m is Member => m !== undefined),
  };
}

function associationMember(
  scope: Scope,
  owner: Resource,
  shape: string | undefined,
  association: Association,
  pointer: string,
): Member | undefined {
  const assocShape = pathShape(association.path);
  if (shape === undefined || parentShape(assocShape) !== shape) {
    scope.report(
      "info",
      "CLIENT_UNREACHABLE",
      `the association ${association.name} (${association.path}) is not under a record path of ${owner.type}; the client does not offer it`,
      pointer,
    );
    return undefined;
  }
  const suffix = suffixOf(scope, [lastSegment(association.path)], `${pointer}/path`);
  if (suffix === undefined) return undefined;
  const base = {
    wire: association.name,
    suffix,
    template: association.path,
    deprecated: association.deprecated ?? false,
    details: association.details,
    target: association.target,
  };
  const target = scope.resources.get(association.target);
  const offers = collectionAt(scope, assocShape, association.target);
  return associationIsToMany(association, owner, target)
    ? { kind: "collection", ...base, filters: association.filters, list: true, ...offers }
    : { kind: "single", ...base, create: offers.create, record: target !== undefined && scope.shapes.get(target.type) === assocShape };
}

function actionMember(scope: Scope, owner: Resource, shape: string | undefined, action: Action, pointer: string): Member | undefined {
  const path = action.path;
  if (shape === undefined || parentShape(pathShape(path)) !== shape) {
    scope.report(
      "info",
      "CLIENT_UNREACHABLE",
      `the action ${action.name} (${action.path}) is not under a record path of ${owner.type}; the client does not offer it`,
      pointer,
    );
    return undefined;
  }
  const suffix = suffixOf(scope, [lastSegment(path)], `${pointer}/path`);
  if (suffix === undefined) return undefined;
  return { kind: "action", wire: action.name, suffix, template: path, deprecated: action.deprecated ?? false, action };
}

/** The client's members: every list path without ids, then every record path without ids; one member per path. */
function rootMembers(scope: Scope, spec: Spec, records: ReadonlyMap<string, RecordNav>): Member[] {
  const root: Member[] = [];
  const taken = new Set<string>();
  for (const { item: resource, index: r } of ordered(spec.resources, byType)) {
    for (const { item: endpoint, index: e } of ordered(resource.endpoints, (x) => `${x.operation} ${x.path}`)) {
      const shape = pathShape(endpoint.path);
      if (endpoint.operation !== "list" || shape.includes("*") || taken.has(shape)) continue;
      const suffix = suffixOf(scope, shape.split("/").slice(1), `/resources/${r}/endpoints/${e}/path`);
      if (suffix === undefined) continue;
      taken.add(shape);
      const offers = collectionAt(scope, shape, resource.type);
      root.push({
        kind: "collection",
        wire: lastSegment(shape),
        suffix,
        template: endpoint.path,
        deprecated: resource.deprecated,
        target: resource.type,
        filters: endpoint.filters ?? [],
        list: true,
        ...offers,
      });
    }
  }
  for (const { item: resource, index: r } of ordered(spec.resources, byType)) {
    const shape = scope.shapes.get(resource.type);
    if (shape === undefined || shape.includes("*") || taken.has(shape)) continue;
    const suffix = suffixOf(scope, shape.split("/").slice(1), `/resources/${r}`);
    if (suffix === undefined) continue;
    taken.add(shape);
    const template = records.get(resource.type)?.template ?? shape;
    root.push({
      kind: "single",
      wire: resource.id,
      suffix,
      template,
      deprecated: resource.deprecated,
      target: resource.type,
      create: false,
      record: true,
    });
  }
  // The current user (`/people/v2/me`): a member named by its last segment, `me`.
  for (const { item: resource, index: r } of ordered(spec.resources, byType)) {
    for (const { item: endpoint, index: e } of ordered(resource.endpoints, (x) => x.path)) {
      const shape = pathShape(endpoint.path);
      if (!endpoint.currentUser || endpoint.operation !== "get" || shape.includes("*") || taken.has(shape)) continue;
      const suffix = suffixOf(scope, shape.split("/").slice(1), `/resources/${r}/endpoints/${e}/path`);
      if (suffix === undefined) continue;
      taken.add(shape);
      root.push({
        kind: "single",
        wire: lastSegment(shape),
        suffix,
        template: endpoint.path,
        deprecated: resource.deprecated,
        target: resource.type,
        create: false,
        record: false,
        currentUser: true,
      });
    }
  }
  return root;
}

/** Every documented endpoint (method and path) that no chain of handles reaches, as an info. */
function reportUnreachable(spec: Spec, navigation: Navigation, report: Scope["report"]): void {
  const reached = new Set<string>();
  const visited = new Set<string>();
  // Records by id under associations make the handles a graph with cycles (a
  // person's household's people...): away from a record's own path, its
  // members are walked one level deep, which reaches every route the spec serves.
  const visit = (members: Member[], parent: string, away: boolean) => {
    for (const member of members) {
      if (member.kind === "action") continue;
      const shape = pathShape(parent + decodeURIComponent(member.suffix));
      const target = navigation.records.get(member.target);
      if (member.create) reached.add(`POST ${shape}`);
      if (member.kind === "collection") {
        if (member.list) reached.add(`GET ${shape}`);
        if (member.byId && target !== undefined) enter(target, `${shape}/*`, away);
      } else {
        reached.add(`GET ${shape}`);
        if (member.record && target !== undefined) enter(target, shape, away);
      }
    }
  };
  const enter = (record: RecordNav, shape: string, away: boolean) => {
    if (record.get) reached.add(`GET ${shape}`);
    if (record.update) reached.add(`PATCH ${shape}`);
    if (record.delete) reached.add(`DELETE ${shape}`);
    const own = record.template !== undefined && pathShape(record.template) === shape;
    if ((!own && away) || visited.has(`${record.resource.type} ${shape}`)) return;
    visited.add(`${record.resource.type} ${shape}`);
    visit(record.members, shape, !own);
  };
  visit(navigation.root, "", false);
  spec.resources.forEach((resource, r) =>
    resource.endpoints.forEach((endpoint, e) => {
      if (!reached.has(`${endpoint.method} ${pathShape(endpoint.path)}`)) {
        report(
          "info",
          "CLIENT_UNREACHABLE",
          `no handle of the client reaches ${endpoint.method} ${endpoint.path} (${resource.type} ${endpoint.operation})`,
          `/resources/${r}/endpoints/${e}`,
        );
      }
    }),
  );
}

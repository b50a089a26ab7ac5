/**
 * What a client may do with a resource: its endpoints and its permissions.
 * Create, update and delete endpoints follow from the permissions, so when a
 * permission is granted or revoked its endpoints are named in that one change
 * instead of being listed again beside it, and a removed attribute is not
 * also listed as no longer writable.
 */
import type { Endpoint, Operation, Permissions, Resource } from "../spec/types.js";
import { nameSet, pathKey } from "./canonical.js";
import type { Change } from "./change.js";
import { compareNamed, compareNames, proseChange } from "./keyed.js";
import { compareFilters } from "./compare-links.js";

type Flag = "create" | "update" | "destroy";
const FLAGS: readonly Flag[] = ["create", "update", "destroy"];
const FLAG_OF: Partial<Record<Operation, Flag>> = { create: "create", update: "update", delete: "destroy" };

/** What the other side of the comparison serves, for endpoints that left this resource's own list. */
export interface AccessContext {
  /** `METHOD shape` of every route the newer spec serves: endpoints, associations (GET), actions (POST). */
  servedAfter: ReadonlySet<string>;
}

export function compareAccess(before: Resource, after: Resource, context?: AccessContext): Change[] {
  const endpointChanges = compareEndpoints(before.endpoints, after.endpoints).filter((c) => !stillServed(c, before, after, context));
  // An attribute that is gone can no longer be set either: saying so again is noise.
  const removedAttributes = nameSet(before.attributes.map((a) => a.name));
  for (const attribute of after.attributes) removedAttributes.delete(attribute.name.trim());
  const flips = new Map<Flag, "added" | "removed">();
  for (const flag of FLAGS) {
    if (before.permissions[flag] !== after.permissions[flag]) flips.set(flag, after.permissions[flag] ? "added" : "removed");
  }
  const operationOf = new Map([...before.endpoints, ...after.endpoints].map((e) => [endpointName(e), e.operation]));
  /** The permission an endpoint change follows from, when that permission flipped the same way. */
  const flagBehind = (change: Change): Flag | undefined => {
    const flag = change.subject === "endpoint" ? FLAG_OF[operationOf.get(change.name)!] : undefined;
    return flag !== undefined && flips.get(flag) === change.action ? flag : undefined;
  };
  const permissionChanges = FLAGS.flatMap((flag): Change[] => {
    const action = flips.get(flag);
    if (action === undefined) return [];
    const endpoints = endpointChanges.filter((c) => flagBehind(c) === flag).map((c) => c.name);
    return [
      {
        class: action === "added" ? "additive" : "breaking",
        subject: "permission",
        action,
        name: flag,
        ...(endpoints.length === 0 ? {} : action === "added" ? { after: endpoints } : { before: endpoints }),
      },
    ];
  });
  return [
    ...endpointChanges.filter((c) => flagBehind(c) === undefined),
    ...permissionChanges,
    ...compareWritable(before.permissions, after.permissions).filter((c) => !(c.action === "removed" && removedAttributes.has(c.name))),
    ...compareNotes(before.permissions, after.permissions),
  ];
}

/**
 * A removed endpoint that the API still serves is no removal: the same route
 * through an association of the newer spec, or the route of a resource whose
 * own path moved (reported once, as the move), under its new path. Nor is the
 * moved route under the new path an addition.
 */
function stillServed(change: Change, before: Resource, after: Resource, context: AccessContext | undefined): boolean {
  if (change.subject !== "endpoint" || change.action === "changed") return false;
  const space = change.name.indexOf(" ");
  const method = change.name.slice(0, space);
  const shape = pathKey(change.name.slice(space + 1));
  if (change.action === "removed" && context?.servedAfter.has(`${method} ${shape}`)) return true;
  if (before.path === undefined || after.path === undefined) return false;
  const [from, to] =
    change.action === "removed" ? [pathKey(before.path), pathKey(after.path)] : [pathKey(after.path), pathKey(before.path)];
  if (from === to || !(shape === from || shape.startsWith(`${from}/`))) return false;
  const counterpart = `${method} ${to}${shape.slice(from.length)}`;
  const other = change.action === "removed" ? after : before;
  return other.endpoints.some((e) => `${e.method} ${pathKey(e.path)}` === counterpart);
}

/** The routes a spec serves, as `METHOD shape`. */
export function servedRoutes(resources: readonly Resource[]): Set<string> {
  return new Set(
    resources.flatMap((r) => [
      ...r.endpoints.map((e) => `${e.method} ${pathKey(e.path)}`),
      ...r.associations.map((a) => `GET ${pathKey(a.path)}`),
      ...r.actions.map((a) => `POST ${pathKey(a.path)}`),
    ]),
  );
}

/** `GET /people/v2/people/{person_id}`: endpoints are matched by method and path shape. */
function endpointName(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.path}`;
}

function compareEndpoints(before: readonly Endpoint[], after: readonly Endpoint[]): Change[] {
  return compareNamed(before, after, {
    subject: "endpoint",
    key: (e) => `${e.method} ${pathKey(e.path)}`,
    name: endpointName,
    compare: (b, a, name) => compareFilters(b.filters ?? [], a.filters ?? [], { subject: "endpoint", name }),
  });
}

/** The attributes a create or update may set; compared where both sides list them. */
function compareWritable(before: Permissions, after: Permissions): Change[] {
  const lists = [
    ["create", before.createAttributes, after.createAttributes],
    ["update", before.updateAttributes, after.updateAttributes],
  ] as const;
  return lists.flatMap(([operation, b, a]) =>
    b === undefined || a === undefined
      ? []
      : compareNames(nameSet(b), nameSet(a), "writable-attribute", { subject: "permission", name: operation }),
  );
}

function compareNotes(before: Permissions, after: Permissions): Change[] {
  return (["read", "create", "update", "destroy"] as const).flatMap((key) =>
    proseChange({ subject: "permission", name: key }, "note", before.notes?.[key], after.notes?.[key]),
  );
}

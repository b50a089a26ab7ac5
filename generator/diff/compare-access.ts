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

export function compareAccess(before: Resource, after: Resource): Change[] {
  const endpointChanges = compareEndpoints(before.endpoints, after.endpoints);
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
    b === undefined || a === undefined ? [] : compareNames(nameSet(b), nameSet(a), "writable-attribute", { subject: "permission", name: operation }),
  );
}

function compareNotes(before: Permissions, after: Permissions): Change[] {
  return (["read", "create", "update", "destroy"] as const).flatMap((key) =>
    proseChange({ subject: "permission", name: key }, "note", before.notes?.[key], after.notes?.[key]),
  );
}

/**
 * The type a nested include (`group.location`) adds to the record it is asked
 * on: its parent, as an include of the first step gives it, with the nested
 * record on that parent (`{ group: (Group & { location: Location | null }) | null }`).
 * The runtime resolves every step, so each level is typed the same way, one
 * relationship at a time; the type is written out here in full, so the
 * compiler never has to walk a path.
 */
import type { Resource } from "../../spec/types.js";
import { includeIsToMany, includeTarget } from "../../spec/cardinality.js";
import { propertyKey } from "./ts-text.js";

export interface IncludeTypes {
  resources: ReadonlyMap<string, Resource>;
  /** The generated record type of each resource type. */
  baseNames: ReadonlyMap<string, string>;
}

/** `{ group: (Group & { location: Location | null }) | null }` for `group.location` on Event. */
export function nestedIncludeType(path: string, owner: Resource, types: IncludeTypes): string {
  return `{ ${stepType(path.split("."), owner, types)} }`;
}

/** `name: Record | null` (to-one) or `name: Record[]` (to-many), with the rest of the path on that record. */
function stepType(steps: readonly string[], owner: Resource | undefined, types: IncludeTypes): string {
  const [name, ...rest] = steps;
  if (owner === undefined) return `${propertyKey(name!)}: unknown`;
  const targetType = includeTarget(name!, owner, types.resources);
  const target = targetType === undefined ? undefined : types.resources.get(targetType);
  const record = targetType === undefined ? "pco.AnyResource" : types.baseNames.get(targetType)!;
  const full = rest.length === 0 ? record : `(${record} & { ${stepType(rest, target, types)} })`;
  return `${propertyKey(name!)}: ${includeIsToMany(name!, owner, types.resources) ? `${full}[]` : `${full} | null`}`;
}

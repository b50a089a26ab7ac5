/**
 * Whether an association or an include is to-many. The docs never say so for
 * an association, and the spec's list and get endpoints are derived for every
 * resource, so they say nothing either. The evidence, strongest first: the
 * target's record living exactly at the association's path (one record); the
 * relationship of the same name, which the docs mark to-one or to-many (and
 * which decides the shape of an include's linkage); then the grammatical
 * number of the name, which follows the API's Rails naming (`emails`,
 * `primary_campus`; a word that is both, like `series`, counts as plural).
 */
import pluralize from "pluralize";
import { memoized } from "../util/memo.js";
import { compareText } from "../util/order.js";
import { pathShape } from "./paths.js";
import type { Association, Resource } from "./types.js";

/** Resources are not changed once read: each one's record shape is worked out once, though every association to it asks. */
const recordShapes = new WeakMap<Resource, string | undefined>();

/** The shape (ids as `*`) of the path where one record of the resource lives, when the docs give one. */
export function recordShapeOf(resource: Resource): string | undefined {
  if (recordShapes.has(resource)) return recordShapes.get(resource);
  const shape = workedOutRecordShape(resource);
  recordShapes.set(resource, shape);
  return shape;
}

function workedOutRecordShape(resource: Resource): string | undefined {
  // A record reached through an association (`via`) or as the current user lives at its own path too; among
  // several such routes (a document that lists them without saying which is whose), the one under the
  // resource's own collection, else the shortest.
  const own = resource.path === undefined ? undefined : `${pathShape(resource.path)}/*`;
  for (const operation of ["get", "update", "delete"] as const) {
    const candidates = resource.endpoints.filter((e) => e.operation === operation && e.currentUser !== true);
    const direct = candidates.filter((e) => e.via === undefined);
    const shapes = (direct.length > 0 ? direct : candidates).map((e) => pathShape(e.path));
    if (shapes.length === 0) continue;
    if (own !== undefined && shapes.includes(own)) return own;
    return [...shapes].sort((a, b) => a.split("/").length - b.split("/").length || compareText(a, b))[0];
  }
  const parents = new Set(resource.associations.map((a) => parentShape(pathShape(a.path))));
  return parents.size === 1 ? [...parents][0] : undefined;
}

export const parentShape = (shape: string) => shape.slice(0, Math.max(0, shape.lastIndexOf("/")));
export const lastSegment = (path: string) => path.slice(path.lastIndexOf("/") + 1);

export function associationIsToMany(association: Association, owner: Resource, target: Resource | undefined): boolean {
  if (target !== undefined && recordShapeOf(target) === pathShape(association.path)) return false;
  return nameIsToMany(association.name, owner);
}

/**
 * Whether an include's linkage is an array: its relationship says so; else
 * the association of its name decides.
 */
export function includeIsToMany(name: string, owner: Resource, resources: ReadonlyMap<string, Resource>): boolean {
  const association = owner.associations.find((a) => a.name === name);
  if (association !== undefined && !owner.relationships.some((r) => r.name === name)) {
    return associationIsToMany(association, owner, resources.get(association.target));
  }
  return nameIsToMany(name, owner);
}

function nameIsToMany(name: string, owner: Resource): boolean {
  const relationship = owner.relationships.find((r) => r.name === name);
  return relationship !== undefined ? relationship.toMany : isPlural(name);
}

/** Every association of every resource asks, in each renderer: a spec has a few hundred names. */
const isPlural: (word: string) => boolean = memoized((word) => pluralize.isPlural(word));

/**
 * The type an include resolves to: its relationship's target, else its
 * association's (the docs sometimes name a relationship's target after the
 * relationship, `PrimaryCampus`, where the association names the resource,
 * `Campus`); undefined when polymorphic or not a documented resource.
 */
export function includeTarget(name: string, owner: Resource, resources: ReadonlyMap<string, Resource>): string | undefined {
  const relationship = owner.relationships.find((r) => r.name === name);
  if (relationship?.polymorphic) return undefined;
  const association = owner.associations.find((a) => a.name === name);
  return [relationship?.target, association?.target].find((t) => t !== undefined && resources.has(t));
}

/** Resource × Resource → the changes of one resource present on both sides. */
import type { Resource } from "../spec/types.js";
import { sameJson } from "./canonical.js";
import type { Change } from "./change.js";
import { compareAccess, type AccessContext } from "./compare-access.js";
import { compareActions, compareAssociations, pathChange } from "./compare-links.js";
import { compareAttributes, compareRelationships } from "./compare-members.js";
import { compareQuery } from "./compare-query.js";
import { always, propertyChange, proseChange, valueChange } from "./keyed.js";

export function compareResource(before: Resource, after: Resource, context?: AccessContext): Change[] {
  const of = { subject: "resource", name: after.type } as const;
  return [
    // A resource whose own path moved is one change; its routes under the new path are not listed again.
    ...(before.path === undefined || after.path === undefined ? [] : pathChange(of, before.path, after.path)),
    ...valueChange(of, "deprecated", before.deprecated, after.deprecated, always("additive")),
    ...proseChange(of, "description", before.description, after.description),
    ...(sameJson(before.example, after.example) ? [] : [propertyChange("docs", of, "example", undefined, undefined)]),
    ...compareAttributes(before.attributes, after.attributes),
    ...compareRelationships(before.relationships, after.relationships),
    ...compareAssociations(before.associations, after.associations),
    ...compareActions(before.actions, after.actions),
    ...compareAccess(before, after, context),
    ...compareQuery(before.query, after.query),
  ];
}

/**
 * What the document needs to know across resources: which types the spec
 * documents, what an include name brings in, and whether an association
 * returns one record or a collection (the docs' edges do not say).
 */
import type { Association, Resource, Spec } from "../../spec/types.js";
import { associationIsToMany } from "../../spec/cardinality.js";

export interface ResourceIndex {
  spec: Spec;
  /** The resource documented under a JSON:API type, if the spec has it. */
  resource(type: string): Resource | undefined;
  /** The JSON:API type an include name of the resource brings into `included`, if the docs say. */
  includeTarget(resource: Resource, include: string): string | undefined;
}

export function indexResources(spec: Spec): ResourceIndex {
  const byType = new Map(spec.resources.map((r) => [r.type, r]));
  return {
    spec,
    resource: (type) => byType.get(type),
    // Includes follow relationships (JSON:API): where the relationship of that name and the association
    // disagree on the type, the relationship's documented type is the one `included` holds.
    includeTarget: (resource, include) => {
      const related = resource.relationships.find((r) => r.name === include)?.target;
      const associated = resource.associations.find((a) => a.name === include)?.target;
      return [related, associated].find((t) => t !== undefined && byType.has(t)) ?? associated ?? related;
    },
  };
}

/** Whether an association returns a page of records: the rule every renderer shares. */
export function returnsCollection(spec: Spec, owner: Resource, association: Association): boolean {
  return associationIsToMany(
    association,
    owner,
    spec.resources.find((r) => r.type === association.target),
  );
}

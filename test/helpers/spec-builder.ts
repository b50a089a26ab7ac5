/**
 * Small hand-written specs for tests that are about one rule: a resource or a
 * spec with every required field empty, and only what the test states filled in.
 */
import type { ResourceDraft } from "../../generator/spec/draft.js";
import { SPEC_VERSION, type Resource, type Spec } from "../../generator/spec/types.js";

/** A resource of `type` with an `id` attribute and nothing else; its id is the type in snake_case. */
export function resource(type: string, fields: Partial<Resource> = {}): Resource {
  return {
    type,
    id: type.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase(),
    deprecated: false,
    attributes: [{ name: "id", type: "primary_key" }],
    relationships: [],
    associations: [],
    actions: [],
    endpoints: [],
    query: { where: [], order: [], include: [] },
    permissions: { create: false, update: false, destroy: false },
    ...fields,
  };
}

/** A resource as a reader drafts it, before normalization: no attributes, and query lists of names. */
export function resourceDraft(fields: Partial<ResourceDraft> & Pick<ResourceDraft, "type" | "id">): ResourceDraft {
  return { ...resource(fields.type, { attributes: [] }), query: { where: [], order: [], include: [] }, ...fields };
}

/** A People spec of the given resources. */
export function spec(resources: Resource[], fields: Partial<Spec> = {}): Spec {
  return {
    specVersion: SPEC_VERSION,
    app: "people",
    version: "2025-03-20",
    title: "Planning Center People",
    baseUrl: "https://api.planningcenteronline.com",
    source: { format: "portal", location: "test" },
    resources,
    ...fields,
  };
}

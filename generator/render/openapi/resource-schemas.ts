/**
 * The schemas of a resource, keyed after its JSON:API type (`Person`):
 *
 *   Person                the resource object (`type`, `id`, `attributes`, `relationships`, `links`)
 *   Person.attributes     its attributes, each typed from the docs' annotation
 *   Person.relationships  its documented relationships, typed by target
 *   Person.included       what `included` may hold: the types its includes bring
 *   Person.document       `{ data: Person, included, links, meta }`
 *   Person.collection     `{ data: Person[], included, links, meta }`, with paging links and meta
 *
 * (`Person.create` and `Person.update`, the request bodies, are in
 * request-schemas.ts.) A type the spec names without describing it (a
 * relationship's target in another app) is a plain resource object.
 */
import { sortedBy, sortedStrings } from "../../util/order.js";
import type { Relationship, Resource } from "../../spec/types.js";
import { attributeSchema } from "./attribute-schema.js";
import { docsExample } from "./docs-example.js";
import type { AppContext, DocumentContext } from "./context.js";
import { jsonApiSchema } from "./json-api-schemas.js";
import { OPEN_OBJECT, type Reference, type Schema } from "./model.js";

type ResourcePart = "attributes" | "relationships" | "included" | "document" | "collection" | "create" | "update";

/** A component of one resource, built on first use. */
export function resourceComponent(
  ctx: DocumentContext,
  app: AppContext,
  resource: Resource,
  part: ResourcePart | undefined,
  build: () => Schema,
): Reference {
  const suffix = part === undefined ? "" : `.${part}`;
  return ctx.components.use(
    "schemas",
    `${app.id} ${resource.type}${suffix}`,
    { prefix: app.prefix, name: `${resource.type}${suffix}` },
    build,
  );
}

/** The resource object of a type, or a plain one where the spec does not describe the type. */
export function resourceObjectSchema(ctx: DocumentContext, app: AppContext, type: string): Reference {
  const resource = app.resource(type);
  if (resource === undefined) return jsonApiSchema(ctx, "ResourceObject");
  return resourceComponent(ctx, app, resource, undefined, () => ({
    type: "object",
    ...(resource.description === undefined ? {} : { description: resource.description }),
    ...(resource.deprecated ? { deprecated: true } : {}),
    required: ["type", "id"],
    properties: {
      type: { const: resource.type },
      id: { type: "string" },
      attributes: resourceComponent(ctx, app, resource, "attributes", () => attributesSchema(resource)),
      relationships: resourceComponent(ctx, app, resource, "relationships", () => relationshipsSchema(ctx, app, resource)),
      links: jsonApiSchema(ctx, "Links"),
      meta: OPEN_OBJECT,
    },
    ...optionalExample(resource.example),
  }));
}

function optionalExample(value: unknown): { examples?: unknown[] } {
  const example = docsExample(value);
  return example === undefined ? {} : { examples: [example] };
}

/** `{ data: T }` for an operation that returns one record, `{ data: T[] }` for a page of them. */
export function documentSchema(ctx: DocumentContext, app: AppContext, type: string, shape: "document" | "collection"): Reference {
  const resource = app.resource(type);
  if (resource === undefined) return jsonApiSchema(ctx, shape === "document" ? "Document" : "CollectionDocument");
  return resourceComponent(ctx, app, resource, shape, () => {
    const record = resourceObjectSchema(ctx, app, type);
    return {
      type: "object",
      required: ["data"],
      properties: {
        data: shape === "document" ? record : { type: "array", items: record },
        ...includedProperty(ctx, app, resource),
        links: jsonApiSchema(ctx, "Links"),
        meta: shape === "document" ? OPEN_OBJECT : jsonApiSchema(ctx, "CollectionMeta"),
      },
    };
  });
}

function attributesSchema(resource: Resource): Schema {
  // The primary key is the resource object's `id`, never one of its attributes.
  const attributes = sortedBy(
    resource.attributes.filter((a) => a.name !== "id"),
    (a) => a.name,
  );
  return { type: "object", properties: Object.fromEntries(attributes.map((a) => [a.name, attributeSchema(a)])) };
}

/**
 * The documented relationships, typed by target; any other name (an include
 * adds its own) is a plain relationship.
 */
function relationshipsSchema(ctx: DocumentContext, app: AppContext, resource: Resource): Schema {
  const relationships = sortedBy(resource.relationships, (r) => r.name);
  return {
    type: "object",
    properties: Object.fromEntries(relationships.map((r) => [r.name, relationshipSchema(ctx, r, linkageType(app, resource, r))])),
    additionalProperties: jsonApiSchema(ctx, "Relationship"),
  };
}

function relationshipSchema(ctx: DocumentContext, relationship: Relationship, type: Schema): Schema {
  const identifier: Schema = {
    type: relationship.toMany ? "object" : ["object", "null"],
    required: ["type", "id"],
    properties: { type, id: { type: "string" } },
  };
  return {
    type: "object",
    ...(relationship.note === undefined ? {} : { description: relationship.note }),
    ...(relationship.authorization === undefined ? {} : { "x-pco-authorization": relationship.authorization }),
    properties: {
      data: relationship.toMany ? { type: "array", items: identifier } : identifier,
      links: jsonApiSchema(ctx, "Links"),
      meta: OPEN_OBJECT,
    },
  };
}

/**
 * The `type` of a relationship's linkage: the docs' target. Where that names
 * no documented resource but the association of the same name does (Person
 * `primary_campus`: `PrimaryCampus`, while the association returns `Campus`),
 * the docs allow either. A polymorphic relationship's target names a kind
 * of resource, not a type.
 */
function linkageType(app: AppContext, resource: Resource, relationship: Relationship): Schema {
  if (relationship.polymorphic) return { type: "string", description: `Any of the types the docs call ${relationship.target}.` };
  const associated = resource.associations.find((a) => a.name === relationship.name)?.target;
  const documented = app.resource(relationship.target) === undefined && associated !== undefined && app.resource(associated) !== undefined;
  return documented ? { enum: sortedStrings([relationship.target, associated]) } : { const: relationship.target };
}

/** `included` holds the types the resource's includes bring; without includes, nothing. */
function includedProperty(ctx: DocumentContext, app: AppContext, resource: Resource): Record<string, Reference> {
  if (resource.query.include.length === 0) return {};
  return {
    included: resourceComponent(ctx, app, resource, "included", () => {
      const targets = sortedStrings(resource.query.include).map((name) => app.includeTarget(resource, name));
      const refs = targets.map((type) =>
        type === undefined ? jsonApiSchema(ctx, "ResourceObject") : resourceObjectSchema(ctx, app, type),
      );
      // Sorted by key without the app's prefix: the same order in the app's own document as in the combined one.
      const items = sortedBy([...new Map(refs.map((r) => [r.$ref, r])).values()], (r) => unprefixedKey(app, r));
      return { type: "array", items: items.length === 1 ? items[0] : { anyOf: items } };
    }),
  };
}

/** The key a reference names, without the app's prefix. */
function unprefixedKey(app: AppContext, reference: Reference): string {
  const key = reference.$ref.slice(reference.$ref.lastIndexOf("/") + 1);
  return key.startsWith(app.prefix) ? key.slice(app.prefix.length) : key;
}

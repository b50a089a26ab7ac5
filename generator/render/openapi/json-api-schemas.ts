/**
 * The JSON:API shapes every app shares (JSON:API 1.0, which the docs say the
 * API conforms to): resource identifiers, relationships, links, paging meta,
 * errors, and the untyped documents used where the docs name a type they do
 * not describe. Their keys start with `JsonApi.`, which no resource key can
 * (a resource's own keys add lower-case parts: `Person.document`).
 */
import type { DocumentContext } from "./context.js";
import { OPEN_OBJECT, type Reference, type Schema } from "./model.js";

type Shared =
  | "ResourceIdentifier"
  | "Relationship"
  | "Links"
  | "ResourceObject"
  | "Document"
  | "CollectionMeta"
  | "CollectionDocument"
  | "RequestResource"
  | "ActionRequest"
  | "Error"
  | "ErrorDocument";

const BUILDERS: Record<Shared, (ctx: DocumentContext) => Schema> = {
  ResourceIdentifier: () => ({
    type: "object",
    required: ["type", "id"],
    properties: { type: { type: "string" }, id: { type: "string" } },
  }),
  Relationship: (ctx) => ({
    type: "object",
    properties: {
      data: {
        anyOf: [
          { type: "null" },
          jsonApiSchema(ctx, "ResourceIdentifier"),
          { type: "array", items: jsonApiSchema(ctx, "ResourceIdentifier") },
        ],
      },
      links: jsonApiSchema(ctx, "Links"),
      meta: OPEN_OBJECT,
    },
  }),
  Links: () => ({
    type: "object",
    description: "URLs: `self`, in a collection `next` and `prev` where there are more pages, and a resource's associations.",
    properties: { self: { type: "string" }, next: { type: "string" }, prev: { type: "string" } },
    additionalProperties: true,
  }),
  ResourceObject: (ctx) => ({
    type: "object",
    description: "A resource of a type these docs do not describe.",
    required: ["type", "id"],
    properties: {
      type: { type: "string" },
      id: { type: "string" },
      attributes: OPEN_OBJECT,
      relationships: { type: "object", additionalProperties: jsonApiSchema(ctx, "Relationship") },
      links: jsonApiSchema(ctx, "Links"),
      meta: OPEN_OBJECT,
    },
  }),
  Document: (ctx) => ({
    type: "object",
    required: ["data"],
    properties: {
      data: jsonApiSchema(ctx, "ResourceObject"),
      included: { type: "array", items: jsonApiSchema(ctx, "ResourceObject") },
      links: jsonApiSchema(ctx, "Links"),
      meta: OPEN_OBJECT,
    },
  }),
  CollectionMeta: () => ({
    type: "object",
    properties: {
      total_count: { type: "integer", description: "Records in the whole collection." },
      count: { type: "integer", description: "Records on this page." },
      next: { type: "object", properties: { offset: { type: "integer", description: "The `offset` of the next page." } } },
      prev: { type: "object", properties: { offset: { type: "integer", description: "The `offset` of the previous page." } } },
    },
    additionalProperties: true,
  }),
  CollectionDocument: (ctx) => ({
    type: "object",
    required: ["data"],
    properties: {
      data: { type: "array", items: jsonApiSchema(ctx, "ResourceObject") },
      included: { type: "array", items: jsonApiSchema(ctx, "ResourceObject") },
      links: jsonApiSchema(ctx, "Links"),
      meta: jsonApiSchema(ctx, "CollectionMeta"),
    },
  }),
  RequestResource: (ctx) => ({
    type: "object",
    description: "A resource sent in a request: a new one has no `id`.",
    required: ["type"],
    properties: {
      type: { type: "string" },
      id: { type: "string" },
      attributes: OPEN_OBJECT,
      relationships: { type: "object", additionalProperties: jsonApiSchema(ctx, "Relationship") },
    },
  }),
  ActionRequest: (ctx) => ({
    type: "object",
    description:
      "What an action takes is described only in words; the docs' own examples send `data` without a `type`, and some with `relationships: null`.",
    properties: {
      data: {
        type: "object",
        properties: {
          type: { type: "string" },
          attributes: OPEN_OBJECT,
          relationships: {
            anyOf: [{ type: "null" }, { type: "object", additionalProperties: jsonApiSchema(ctx, "Relationship") }],
          },
        },
      },
      included: { type: "array", items: jsonApiSchema(ctx, "RequestResource") },
    },
  }),
  Error: () => ({
    type: "object",
    properties: {
      id: { type: "string" },
      status: { type: "string", description: "The HTTP status code." },
      code: { type: "string" },
      title: { type: "string" },
      detail: { type: "string" },
      source: { type: "object", properties: { pointer: { type: "string" }, parameter: { type: "string" } } },
      meta: OPEN_OBJECT,
    },
  }),
  ErrorDocument: (ctx) => ({
    type: "object",
    required: ["errors"],
    properties: { errors: { type: "array", items: jsonApiSchema(ctx, "Error") }, meta: OPEN_OBJECT },
  }),
};

export function jsonApiSchema(ctx: DocumentContext, name: Shared): Reference {
  return ctx.components.use("schemas", `JsonApi ${name}`, `JsonApi.${name}`, () => BUILDERS[name](ctx));
}

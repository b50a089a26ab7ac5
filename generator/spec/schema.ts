/**
 * The JSON Schema of a spec file. Every spec is validated against it before it
 * is written, and tests validate the committed ones. Tools outside the generator
 * can use `spec/spec.schema.json`, written from this object by `scrape`.
 */
import { ATTRIBUTE_TYPES, OPERATIONS } from "./types.js";

const text = { type: "string" } as const;
const nonEmpty = { type: "string", minLength: 1 } as const;
const names = { type: "array", items: nonEmpty, uniqueItems: true } as const;
const templatedPath = { type: "string", pattern: "^/[^?#\\s]*$" } as const;

const filter = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: { name: nonEmpty, description: text },
} as const;

const attribute = {
  type: "object",
  additionalProperties: false,
  required: ["name", "type"],
  properties: {
    name: nonEmpty,
    type: { enum: [...ATTRIBUTE_TYPES] },
    description: text,
    note: text,
    permission: text,
  },
} as const;

const relationship = {
  type: "object",
  additionalProperties: false,
  required: ["name", "target", "toMany"],
  properties: {
    name: nonEmpty,
    target: nonEmpty,
    toMany: { type: "boolean" },
    polymorphic: { type: "boolean" },
    note: text,
    authorization: text,
  },
} as const;

const association = {
  type: "object",
  additionalProperties: false,
  required: ["name", "target", "path", "filters"],
  properties: {
    name: nonEmpty,
    target: nonEmpty,
    path: templatedPath,
    filters: { type: "array", items: filter },
    deprecated: { type: "boolean" },
    details: text,
  },
} as const;

const action = {
  type: "object",
  additionalProperties: false,
  required: ["name", "path"],
  properties: {
    name: nonEmpty,
    path: templatedPath,
    description: text,
    details: text,
    canRun: text,
    returnType: text,
    exampleBody: {},
    deprecated: { type: "boolean" },
  },
} as const;

const endpoint = {
  type: "object",
  additionalProperties: false,
  required: ["operation", "method", "path"],
  properties: {
    operation: { enum: [...OPERATIONS] },
    method: { enum: ["GET", "POST", "PATCH", "DELETE"] },
    path: templatedPath,
    filters: { type: "array", items: filter },
    via: {
      type: "object",
      additionalProperties: false,
      required: ["resource", "association"],
      properties: { resource: nonEmpty, association: nonEmpty },
    },
    currentUser: { type: "boolean" },
  },
} as const;

const queryParam = {
  type: "object",
  additionalProperties: false,
  required: ["name", "type"],
  properties: { name: nonEmpty, type: text, description: text },
} as const;

const count = { type: "integer", minimum: 0 } as const;

const query = {
  type: "object",
  additionalProperties: false,
  required: ["where", "order", "include"],
  properties: {
    where: { type: "array", items: queryParam },
    order: names,
    include: names,
    perPage: {
      type: "object",
      additionalProperties: false,
      required: ["min", "max", "default"],
      properties: { min: count, max: count, default: count },
    },
    offset: { type: "boolean" },
    assignableIncludes: {
      type: "object",
      additionalProperties: false,
      required: ["create", "update"],
      properties: { create: names, update: names },
    },
  },
} as const;

const permissions = {
  type: "object",
  additionalProperties: false,
  required: ["create", "update", "destroy"],
  properties: {
    create: { type: "boolean" },
    update: { type: "boolean" },
    destroy: { type: "boolean" },
    createAttributes: names,
    updateAttributes: names,
    notes: {
      type: "object",
      additionalProperties: false,
      properties: { read: text, create: text, update: text, destroy: text },
    },
  },
} as const;

const resource = {
  type: "object",
  additionalProperties: false,
  required: [
    "type",
    "id",
    "deprecated",
    "attributes",
    "relationships",
    "associations",
    "actions",
    "endpoints",
    "query",
    "permissions",
  ],
  properties: {
    type: nonEmpty,
    id: nonEmpty,
    description: text,
    deprecated: { type: "boolean" },
    path: templatedPath,
    collectionOnly: { type: "boolean" },
    attributes: { type: "array", items: attribute },
    relationships: { type: "array", items: relationship },
    associations: { type: "array", items: association },
    actions: { type: "array", items: action },
    endpoints: { type: "array", items: endpoint },
    query,
    permissions,
    example: {},
  },
} as const;

const url = { type: "string", pattern: "^https?://" } as const;

/** A list of rows of a docs table: objects with exactly these fields, all required. */
function rowsOf<P extends Record<string, object>>(properties: P) {
  return {
    type: "array",
    items: { type: "object", additionalProperties: false, required: Object.keys(properties) as (keyof P & string)[], properties },
  } as const;
}

const apiFacts = {
  type: "object",
  additionalProperties: false,
  properties: {
    rateLimit: {
      type: "object",
      additionalProperties: false,
      required: ["limit", "periodSeconds", "headers"],
      properties: {
        limit: count,
        periodSeconds: count,
        headers: {
          type: "object",
          additionalProperties: false,
          required: ["limit", "period", "count", "retryAfter"],
          properties: { limit: nonEmpty, period: nonEmpty, count: nonEmpty, retryAfter: nonEmpty },
        },
      },
    },
    auth: {
      type: "object",
      additionalProperties: false,
      properties: {
        personalAccessToken: {
          type: "object",
          additionalProperties: false,
          required: ["applicationsUrl"],
          properties: { applicationsUrl: url },
        },
        oauth2: {
          type: "object",
          additionalProperties: false,
          required: ["authorizeUrl", "tokenUrl", "scopes"],
          properties: {
            authorizeUrl: url,
            tokenUrl: url,
            scopes: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["app", "scope"],
                properties: { app: nonEmpty, scope: nonEmpty },
              },
            },
            accessTokenLifetimeSeconds: count,
            refreshTokenLifetimeDays: count,
          },
        },
      },
    },
    currentUserPath: templatedPath,
    upload: {
      type: "object",
      additionalProperties: false,
      required: ["url", "field"],
      properties: { url, field: nonEmpty },
    },
    dateFormats: rowsOf({ name: nonEmpty, format: nonEmpty, example: nonEmpty }),
    whereOperators: rowsOf({ operator: nonEmpty, usage: nonEmpty, result: nonEmpty }),
    errors: rowsOf({ status: { type: "integer", minimum: 100, maximum: 599 }, title: nonEmpty, cause: text }),
  },
} as const;

export const specSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "pco-codegen resource spec",
  type: "object",
  additionalProperties: false,
  required: ["specVersion", "app", "version", "title", "baseUrl", "source", "resources"],
  properties: {
    specVersion: { type: "integer", minimum: 1 },
    app: { type: "string", pattern: "^[a-z][a-z0-9_-]*$" },
    version: { type: "string", pattern: "^(\\d{4}-\\d{2}-\\d{2}|legacy|unversioned)$" },
    title: nonEmpty,
    description: text,
    baseUrl: { type: "string", pattern: "^https?://[^/]+$" },
    beta: { type: "boolean" },
    versionDetails: text,
    source: {
      type: "object",
      additionalProperties: false,
      required: ["format", "location"],
      properties: {
        format: { enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text"] },
        // Relative or a URL: never a path that only exists on one machine.
        location: { type: "string", minLength: 1, not: { pattern: "^(/|[A-Za-z]:[\\\\/])" } },
      },
    },
    partial: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "missing", "reason"],
        properties: { resource: text, file: nonEmpty, missing: names, reason: nonEmpty },
      },
    },
    api: apiFacts,
    resources: { type: "array", items: resource },
  },
} as const;

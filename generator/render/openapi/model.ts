/**
 * The parts of OpenAPI 3.1 this renderer writes. Objects are built with their
 * keys in the order they should appear in the output, and maps (paths,
 * components, responses) are sorted before they are written, so that the same
 * spec always gives the same bytes.
 */

/** A JSON Schema 2020-12 object, the dialect of OpenAPI 3.1. */
export type Schema = { [keyword: string]: unknown };

/** A type alias, not an interface, so that a reference may stand wherever a schema may. */
export type Reference = { $ref: string };

export type ParameterLocation = "path" | "query" | "header";

export interface Parameter {
  name: string;
  in: ParameterLocation;
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  style?: "form" | "simple";
  explode?: boolean;
  schema: Schema;
  [extension: `x-${string}`]: unknown;
}

export interface Header {
  description: string;
  schema: Schema;
}

export interface MediaType {
  schema: Schema;
  example?: unknown;
}

export interface Response {
  description: string;
  headers?: Record<string, Reference>;
  content?: Record<string, MediaType>;
}

export interface RequestBody {
  description?: string;
  required: boolean;
  content: Record<string, MediaType>;
  [extension: `x-${string}`]: unknown;
}

export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  deprecated?: boolean;
  security?: SecurityRequirement[];
  parameters?: (Parameter | Reference)[];
  requestBody?: RequestBody;
  responses: Record<string, Response | Reference>;
  [extension: `x-${string}`]: unknown;
}

export type Method = "get" | "post" | "patch" | "delete";

/** The methods of a path item, in the order a document writes them. */
export const METHODS: readonly Method[] = ["get", "post", "patch", "delete"];

export interface PathItem {
  servers?: Server[];
  parameters?: Parameter[];
  get?: Operation;
  post?: Operation;
  patch?: Operation;
  delete?: Operation;
}

export interface Server {
  url: string;
}

export interface Tag {
  name: string;
  description?: string;
}

export interface SecurityScheme {
  type: "http" | "oauth2";
  description: string;
  scheme?: string;
  flows?: {
    authorizationCode: { authorizationUrl: string; tokenUrl: string; scopes: Record<string, string> };
  };
}

export interface Components {
  schemas?: Record<string, Schema>;
  parameters?: Record<string, Parameter>;
  headers?: Record<string, Header>;
  responses?: Record<string, Response>;
  securitySchemes?: Record<string, SecurityScheme>;
}

export interface Info {
  title: string;
  version: string;
  description?: string;
  [extension: `x-${string}`]: unknown;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: Info;
  servers?: Server[];
  security?: SecurityRequirement[];
  tags: Tag[];
  paths: Record<string, PathItem>;
  components: Components;
  [extension: `x-${string}`]: unknown;
}

/** The JSON:API media type: the docs state the API conforms to JSON:API 1.0. */
export const JSON_API = "application/vnd.api+json";

/**
 * An object with any members. `additionalProperties: true` is JSON Schema's
 * default, written out because type generators (openapi-typescript) otherwise
 * type a bare `{ "type": "object" }` as an empty object.
 */
export const OPEN_OBJECT: Schema = { type: "object", additionalProperties: true };

export const ref = (section: keyof Components, key: string): Reference => ({ $ref: `#/components/${section}/${key}` });

/**
 * The resource spec: the contract between the documentation readers and the
 * renderers. One Spec per app and version, written to `spec/<app>/<version>.json`.
 *
 * The field names listed in DESIGN.md are fixed because tools outside the
 * generator read them; fields may be added, never renamed.
 */

/** Bumped when the meaning of an existing field changes. */
export const SPEC_VERSION = 1;

/** The documentation's own type annotations, exactly as the docs write them. */
export const ATTRIBUTE_TYPES = [
  "primary_key",
  "string",
  "integer",
  "float",
  "boolean",
  "date",
  "date_time",
  "array",
  "hash",
  "json",
  "object",
  "currency_abbreviation",
  "repeatable_schedule",
  "unknown",
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const OPERATIONS = ["list", "get", "create", "update", "delete"] as const;
export type Operation = (typeof OPERATIONS)[number];

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** Where a spec was read from. `location` is relative or a URL, never a machine path. */
export interface SpecSource {
  format: SourceFormat;
  location: string;
}

export type SourceFormat =
  | "portal"
  | "slate-markdown"
  | "slate-html"
  | "slate-text"
  | "portal-page-text";

export interface Spec {
  specVersion: number;
  app: string;
  version: string;
  title: string;
  description?: string;
  /** Scheme and host; every path in the spec is relative to it. */
  baseUrl: string;
  /** The version is marked beta by the docs. */
  beta?: boolean;
  /** What the docs say changed in this version. */
  versionDetails?: string;
  source: SpecSource;
  /** Present only when written with `--allow-partial`: what the docs failed to give. */
  partial?: PartialNote[];
  /** API-wide facts (auth, rate limits, uploads...) the docs state once for every app. */
  api?: ApiFacts;
  resources: Resource[];
}

/**
 * What the docs say once for the whole API (the Slate site's index page):
 * how to authenticate, the rate-limit policy, the current-user endpoint, file
 * uploads and date formats.
 */
export interface ApiFacts {
  rateLimit?: {
    limit: number;
    periodSeconds: number;
    /** Header names: limit, period, count, and the 429's Retry-After. */
    headers: { limit: string; period: string; count: string; retryAfter: string };
  };
  auth?: {
    /** Personal access token: the application id and secret sent with HTTP Basic. */
    personalAccessToken?: { applicationsUrl: string };
    oauth2?: {
      authorizeUrl: string;
      tokenUrl: string;
      /** One scope per app: `{ app: "Check-ins", scope: "check_ins" }`. */
      scopes: { app: string; scope: string }[];
      accessTokenLifetimeSeconds?: number;
      refreshTokenLifetimeDays?: number;
    };
  };
  /** The current user's endpoint, e.g. `/people/v2/me`. */
  currentUserPath?: string;
  /** The two-step upload: POST the file here (multipart, `field`), then pass the returned id. */
  upload?: { url: string; field: string };
  dateFormats?: { name: string; format: string; example: string }[];
  /** Comparison operators of `where[...]` on dates and times: `[gt]=`, with an example and what it matches. */
  whereOperators?: { operator: string; usage: string; result: string }[];
  /** The error statuses the API answers with, and what causes each. */
  errors?: { status: number; title: string; cause: string }[];
}

/** One thing the documentation was missing or unreadable, kept in a partial spec. */
export interface PartialNote {
  /** The resource (vertex) concerned, or absent when the whole document was unreadable. */
  resource?: string;
  file: string;
  missing: string[];
  reason: string;
}

export interface Resource {
  /** The JSON:API type, e.g. `Person`. */
  type: string;
  /** The documentation's identifier for the resource, e.g. `person`. */
  id: string;
  description?: string;
  deprecated: boolean;
  /** The resource's own collection path, templated. */
  path?: string;
  /** The resource is only ever returned as a collection (no get by id). */
  collectionOnly?: boolean;
  attributes: Attribute[];
  relationships: Relationship[];
  associations: Association[];
  actions: Action[];
  endpoints: Endpoint[];
  query: Query;
  permissions: Permissions;
  /** The docs' example object, parsed. */
  example?: unknown;
}

export interface Attribute {
  name: string;
  type: AttributeType;
  description?: string;
  note?: string;
  /** The docs' permission level for reading the attribute (`public`, `editor`...). */
  permission?: string;
}

export interface Relationship {
  name: string;
  target: string;
  toMany: boolean;
  polymorphic?: boolean;
  note?: string;
  /** The docs' authorization level for the relationship. */
  authorization?: string;
}

export interface Filter {
  name: string;
  description?: string;
}

/** An outbound edge: a URL under this resource that lists or returns another resource. */
export interface Association {
  name: string;
  target: string;
  path: string;
  filters: Filter[];
  deprecated?: boolean;
  details?: string;
}

/** A POST endpoint that runs an operation on the resource. */
export interface Action {
  name: string;
  path: string;
  description?: string;
  details?: string;
  /** Who may run it, in the docs' words. */
  canRun?: string;
  returnType?: string;
  /** The example request body, parsed when the docs give valid JSON. */
  exampleBody?: unknown;
  deprecated?: boolean;
}

export interface Endpoint {
  operation: Operation;
  method: HttpMethod;
  path: string;
  filters?: Filter[];
  /** The association whose URL this endpoint is under, where it is not at its resource's own path. */
  via?: EndpointVia;
  /** The current user's record (`/me`), not one chosen by id. */
  currentUser?: boolean;
}

/** An association by its owner's type and its name: `{ resource: "Person", association: "phone_numbers" }`. */
export interface EndpointVia {
  resource: string;
  association: string;
}

export interface QueryParam {
  name: string;
  type: string;
  description?: string;
}

export interface PerPage {
  min: number;
  max: number;
  default: number;
}

export interface Query {
  where: QueryParam[];
  order: string[];
  include: string[];
  perPage?: PerPage;
  /** The list pages with `offset` (the docs list the parameter). */
  offset?: boolean;
  /** Includes that may also be sent in a create or update body. */
  assignableIncludes?: { create: string[]; update: string[] };
}

export interface Permissions {
  create: boolean;
  update: boolean;
  destroy: boolean;
  createAttributes?: string[];
  updateAttributes?: string[];
  /** The docs' notes on who may read, create, update or destroy. */
  notes?: PermissionNotes;
}

export interface PermissionNotes {
  read?: string;
  create?: string;
  update?: string;
  destroy?: string;
}

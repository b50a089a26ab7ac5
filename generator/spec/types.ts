/**
 * The resource spec: the contract between the documentation readers and the
 * renderers. One Spec per app and version, written to `spec/<app>/<version>.json`.
 *
 * The field names listed in docs/spec.md are fixed because tools outside the
 * generator read them; fields may be added, never renamed.
 *
 * This file is the contract's one source: `npm run spec:schema` derives the
 * JSON Schema (spec/spec.schema.json, ./schema.ts) and the field table of
 * docs/spec.md from it, JSDoc tags (`@minLength`, `@pattern`...) included.
 */

/**
 * Bumped when the meaning of an existing field changes. 2: a spec may be the
 * union of several sources (`sources`), `source` is the one whose values are
 * written where they disagree, and the query vocabulary grew relational where
 * and nested includes.
 */
export const SPEC_VERSION = 2;

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

// The kinds of value below carry their schema constraints as JSDoc tags; their
// explanations are line comments, so that they do not become the description
// of every field of the kind.

// A name as the docs write it: never empty.
/** @minLength 1 */
export type Name = string;

// Names, each once.
/** @uniqueItems true */
export type Names = Name[];

// A query name that may be dotted, one step per related record: a nested
// include (`group.location`) or a relational where (`event.name`). At most
// eight steps: the docs' go three deep, and a type is nested for each step.
/**
 * @minLength 1
 * @pattern ^[^.]*(\.[^.]*){0,7}$
 */
export type QueryPath = string;

// Query paths, each once.
/** @uniqueItems true */
export type QueryPaths = QueryPath[];

// A path template relative to `baseUrl`: `/people/v2/people/{person_id}`. Its segments are never empty, `.` or `..`:
// a client would send `/people/v2/../../x` to another place than it names (`PATH_TEMPLATE` in paths.ts is this pattern).
/** @pattern ^(?:/(?!\.\.?(?:/|$))[^/?#\s]+)+$ */
export type PathTemplate = string;

// An absolute http or https URL.
/** @pattern ^https?:// */
export type Url = string;

// A count: a whole number, never negative.
/**
 * @asType integer
 * @minimum 0
 */
export type Count = number;

// A count of at least one: a rate of "0 requests per 0 seconds" is no rate a client could keep.
/**
 * @asType integer
 * @minimum 1
 */
export type PositiveCount = number;

/** Where a spec was read from. */
export interface SpecSource {
  format: SourceFormat;
  /**
   * Relative or a URL: never a path that only exists on one machine.
   * @minLength 1
   * @not {"pattern": "^(/|[A-Za-z]:[\\\\/])"}
   */
  location: string;
}

export const SOURCE_FORMATS = [
  "portal",
  "slate-markdown",
  "slate-html",
  "slate-text",
  "portal-page-text",
  "portal-page-markdown",
  "openapi",
] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** @title pco-codegen resource spec */
export interface Spec {
  /**
   * @asType integer
   * @minimum 1
   */
  specVersion: number;
  /**
   * The app's URL segment: `people`, `check-ins`.
   * @pattern ^[a-z][a-z0-9_-]*$
   */
  app: string;
  /**
   * The portal's version id (`2025-03-20`), `legacy` for the Slate docs, `unversioned` for pages that do not say.
   * @pattern ^(\d{4}-\d{2}-\d{2}|legacy|unversioned)$
   */
  version: string;
  title: Name;
  description?: string;
  /**
   * Scheme and host; every path in the spec is relative to it.
   * @pattern ^https?://[^/]+$
   */
  baseUrl: string;
  /** The version is marked beta by the docs. */
  beta?: boolean;
  /** What the docs say changed in this version. */
  versionDetails?: string;
  source: SpecSource;
  /**
   * Every source this spec was read from, when there are several (the
   * documentation API and the official OpenAPI document of one version),
   * `source` first. Facts that only some of them give name theirs in `sources`.
   */
  sources?: SpecSource[];
  /** How the API authenticates this app, from the docs' security schemes. */
  security?: Security;
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
    limit: PositiveCount;
    periodSeconds: PositiveCount;
    /** Header names: limit, period, count, and the 429's Retry-After. */
    headers: { limit: Name; period: Name; count: Name; retryAfter: Name };
  };
  auth?: {
    /** Personal access token: the application id and secret sent with HTTP Basic. */
    personalAccessToken?: { applicationsUrl: Url };
    oauth2?: {
      authorizeUrl: Url;
      tokenUrl: Url;
      /** One scope per app: `{ app: "Check-ins", scope: "check_ins" }`. */
      scopes: { app: Name; scope: Name }[];
      accessTokenLifetimeSeconds?: Count;
      refreshTokenLifetimeDays?: Count;
    };
  };
  /** The current user's endpoint, e.g. `/people/v2/me`. */
  currentUserPath?: PathTemplate;
  /** The two-step upload: POST the file here (multipart, `field`), then pass the returned id. */
  upload?: { url: Url; field: Name };
  dateFormats?: { name: Name; format: Name; example: Name }[];
  /** Comparison operators of `where[...]` on dates and times: `[gt]=`, with an example and what it matches. */
  whereOperators?: { operator: Name; usage: Name; result: Name }[];
  /** The error statuses the API answers with, and what causes each. */
  errors?: ApiError[];
}

export interface ApiError {
  /**
   * @asType integer
   * @minimum 100
   * @maximum 599
   */
  status: number;
  title: Name;
  cause: string;
}

/** The security schemes a document declares for the whole app. */
export interface Security {
  oauth2?: {
    authorizationUrl: string;
    tokenUrl: string;
    refreshUrl?: string;
    /** The scopes an OAuth token needs for this app (`people`, `check_ins`). */
    scopes: string[];
  };
  /** HTTP Basic with a personal access token's client id and secret. */
  personalAccessToken?: boolean;
}

/** One thing the documentation was missing or unreadable, kept in a partial spec. */
export interface PartialNote {
  /** The resource (vertex) concerned, or absent when the whole document was unreadable. */
  resource?: string;
  file: Name;
  missing: Names;
  reason: Name;
}

export interface Resource {
  /** The JSON:API type, e.g. `Person`. */
  type: Name;
  /** The documentation's identifier for the resource, e.g. `person`. */
  id: Name;
  description?: string;
  deprecated: boolean;
  /** The resource's own collection path, templated. */
  path?: PathTemplate;
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
  /** In a spec of several sources: the formats of the sources that document the resource. */
  sources?: SourceFormat[];
}

export interface Attribute {
  name: Name;
  type: AttributeType;
  /**
   * Where the type came from, when the docs did not state it as written:
   * `repaired` from a known synonym (`documentedAs` holds the docs' spelling),
   * `inferred` from the JSON type of the example object's value. Absent: documented.
   */
  typeOrigin?: TypeOrigin;
  /** The docs' own spelling of a repaired type (`int`, `Boolean`...). */
  documentedAs?: string;
  description?: string;
  note?: string;
  /** The docs' permission level for reading the attribute (`public`, `editor`...). */
  permission?: string;
  /**
   * The type as another vocabulary wrote it, when `type` was mapped from it:
   * `openapi string/date-time` for an OpenAPI `string` of format `date-time`.
   */
  mappedFrom?: string;
  /** In a spec of several sources: the sources that give the attribute, when not all do. */
  sources?: SourceFormat[];
}

export type TypeOrigin = "repaired" | "inferred";
export const TYPE_ORIGINS = ["repaired", "inferred"] as const;

export interface Relationship {
  name: Name;
  target: Name;
  toMany: boolean;
  polymorphic?: boolean;
  note?: string;
  /** The docs' authorization level for the relationship. */
  authorization?: string;
  /** In a spec of several sources: the sources that give it, when not all do. */
  sources?: SourceFormat[];
}

export interface Filter {
  name: Name;
  description?: string;
}

/** An outbound edge: a URL under this resource that lists or returns another resource. */
export interface Association {
  name: Name;
  target: Name;
  path: PathTemplate;
  filters: Filter[];
  deprecated?: boolean;
  details?: string;
  /** In a spec of several sources: the sources that give it, when not all do. */
  sources?: SourceFormat[];
}

/** A POST endpoint that runs an operation on the resource. */
export interface Action {
  name: Name;
  path: PathTemplate;
  description?: string;
  details?: string;
  /** Who may run it, in the docs' words. */
  canRun?: string;
  returnType?: string;
  /** The example request body, parsed when the docs give valid JSON. */
  exampleBody?: unknown;
  deprecated?: boolean;
  /** In a spec of several sources: the sources that give it, when not all do. */
  sources?: SourceFormat[];
}

export interface Endpoint {
  operation: Operation;
  method: HttpMethod;
  path: PathTemplate;
  filters?: Filter[];
  /** The query vocabulary of this endpoint, present only where it differs from the resource's `query`. */
  query?: EndpointQuery;
  /** In a spec of several sources: the sources that give it, when not all do. */
  sources?: SourceFormat[];
  /** The association whose URL this endpoint is under, where it is not at its resource's own path. */
  via?: EndpointVia;
  /** The current user's record (`/me`), not one chosen by id. */
  currentUser?: boolean;
}

/** Names out of the resource's `query` lists that one endpoint accepts. */
export interface EndpointQuery {
  where: string[];
  relationalWhere: QueryPath[];
  order: string[];
  include: QueryPath[];
}

/** An association by its owner's type and its name: `{ resource: "Person", association: "phone_numbers" }`. */
export interface EndpointVia {
  resource: string;
  association: string;
}

export interface QueryParam {
  /** The attribute, or for a relational where the dotted path to it (`group.name` for `where[group][name]`). */
  name: QueryPath;
  type: string;
  description?: string;
  /** The comparison operators the docs list for it (`gt`, `gte`, `lt`, `lte`): `where[name][gt]`. */
  operators?: string[];
}

export interface PerPage {
  min: Count;
  max: Count;
  default: Count;
}

export interface Query {
  where: QueryParam[];
  order: Names;
  include: Names;
  /** Includes of includes, dotted (`location.group`): `include=location.group`. */
  nestedInclude?: QueryPaths;
  /** Where clauses on a related record's attribute: `where[group][name]`, named `group.name`. */
  relationalWhere?: QueryParam[];
  perPage?: PerPage;
  /** The list pages with `offset` (the docs list the parameter). */
  offset?: boolean;
  /** The id cursors the docs list for paging (`after`: records after this id; `before`). */
  cursor?: CursorParam[];
  /** Includes that may also be sent in a create or update body. */
  assignableIncludes?: { create: Names; update: Names };
}

export const CURSOR_PARAMS = ["after", "before"] as const;
export type CursorParam = (typeof CURSOR_PARAMS)[number];

export interface Permissions {
  create: boolean;
  update: boolean;
  destroy: boolean;
  createAttributes?: Names;
  updateAttributes?: Names;
  /** The docs' notes on who may read, create, update or destroy. */
  notes?: PermissionNotes;
}

export interface PermissionNotes {
  read?: string;
  create?: string;
  update?: string;
  destroy?: string;
}

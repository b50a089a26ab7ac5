/**
 * The shape of one app's client view: what the view-model (`view-model.ts`)
 * decides and the templates print. Every name, doc line and type expression
 * in it is final.
 */
/** A type of the runtime (`pco.<name>`) with its type arguments: what an interface extends. */
export interface BaseView {
  name: string;
  args: string[];
}

/** One property of a data interface: its doc lines, name (unquoted), whether it may be left out, and type. */
export interface PropertyView {
  doc: string[];
  name: string;
  optional: boolean;
  type: string;
}

/** An interface of data: attributes, where, includes, create, update, fields. */
export interface InterfaceView {
  doc: string[];
  name: string;
  bases: BaseView[];
  properties: PropertyView[];
  /** Nothing may be assigned: every key is refused (an empty interface would accept any object). */
  closed: boolean;
}

/**
 * One member of a handle: a collection or record handle (`handle`, a named
 * interface), a record reached by path alone (`one`, its Def), or an action
 * (`action`, the type of its attributes).
 */
export interface MemberView {
  doc: string[];
  name: string;
  handle?: string;
  one?: string;
  /** A record that is always there (the current user): `pco.Get<Def>`. */
  get?: string;
  action?: string;
}

/** A handle with members: the client itself, or one resource's record. */
export interface HandlesView {
  doc: string[];
  name: string;
  bases: BaseView[];
  members: MemberView[];
}

/** A collection handle (or a to-one handle that creates): what it extends, and the record `id(x)` reaches. */
export interface CollectionView {
  name: string;
  bases: BaseView[];
  byId?: string;
  /** Where its list takes less than its resource's query vocabulary: the Def of what it takes, and the interfaces that Def names. */
  narrowed?: { def: DefView; parts: InterfaceView[] };
}

/** What the client knows about one resource type: the type names and expressions its `Def` is built from. */
export interface DefView {
  /** Said of a narrowed Def only; a resource's own Def has the template's one line. */
  doc?: string[];
  name: string;
  /** The record type. */
  resource: string;
  includes: string;
  where?: string;
  order: string[];
  perPage: string;
  cursor?: string[];
  fields: string;
  create?: string;
  update?: string;
}

export interface ResourceView {
  doc: string[];
  name: string;
  /** The JSON:API type name. */
  type: string;
  attributes: InterfaceView;
  def: DefView;
  /** Where, includes, create and update interfaces that have something to say. */
  parts: InterfaceView[];
  record: HandlesView;
  /** The named collection interfaces of the record's members. */
  collections: CollectionView[];
}

/** One member of the route table: the runtime's `Member`, by kind. */
export interface RouteMemberView {
  name: string;
  collection?: string;
  record?: string;
  of?: string;
  action?: string;
  sends?: string;
}

/** One resource type's entry in the route table ("" is the client). */
export interface RouteView {
  type: string;
  members: RouteMemberView[];
}

/** The runtime's `ApiDefaults`: the base URL, the version header, and what the docs say once for the API. */
export interface ApiView {
  baseUrl: string;
  /** Left out for the legacy docs, which have no version to send. */
  apiVersion?: string;
  tokenUrl: string;
  uploadUrl: string;
  uploadField: string;
  rateLimit: { limit: number; periodSeconds: number; headers: { limit: string; period: string; count: string; retryAfter: string } };
}

export interface ClientView {
  /** The comment at the top of each file. */
  header: string[];
  clientName: string;
  /** `createPeopleClient`: a factory a program using several apps need not rename. */
  factoryName: string;
  createDoc: string[];
  client: HandlesView;
  fields: InterfaceView;
  /** Each JSON:API type name with its record type: what types a webhook event's record. */
  resourceTypes: InterfaceView;
  rootCollections: CollectionView[];
  resources: ResourceView[];
  api: ApiView;
  routes: RouteView[];
}

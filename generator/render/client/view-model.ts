/**
 * The view-model of one app's client: every name claimed, every doc comment's
 * lines written and every type a handle is built from chosen, so that the
 * templates (`templates/client/`) give each file its shape and only loop and
 * print. Names are claimed in sorted order, so the same spec always gives the
 * same names whatever order it lists things in.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { compareText, sortedBy, sortedStrings } from "../../util/order.js";
import { apiFactsOf, DOCUMENTED_API_FACTS } from "../../spec/api-facts.js";
import type { Attribute, EndpointQuery, Resource, Spec } from "../../spec/types.js";
import { pathShape } from "../../spec/paths.js";
import { includeIsToMany, includeTarget } from "../../spec/cardinality.js";
import { buildNavigation, specFile, type CollectionMember, type Member, type RecordNav } from "./navigation.js";
import { camelIdentifier, NameScope, pascalIdentifier, RESERVED_MEMBERS, RESERVED_TYPE_NAMES } from "./names.js";
import { docLines, propertyKey, type DocTag } from "./ts-text.js";
import { actionBody, assignableType, attributeType, literalUnion, whereType } from "./type-expressions.js";
import { nestedIncludeType } from "./nested-include-type.js";
import { whereProperties } from "./relational-where-type.js";
import { typeOriginNote } from "../type-origin-note.js";

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

/** Suffixes of the names each resource's family of interfaces takes. */
const FAMILY = ["Attributes", "Def", "Where", "Includes", "Create", "Update", "Record"] as const;

/** Keys of a resource object: an include by one of these names cannot be resolved onto the record. */
const RESOURCE_KEYS = new Set(["type", "id", "attributes", "relationships", "links", "meta"]);

/** What every part of the view needs: the spec, its navigation, and the names claimed so far. */
interface Context {
  spec: Spec;
  file: string;
  diagnostics: Diagnostic[];
  typeNames: NameScope;
  records: ReadonlyMap<string, RecordNav>;
  resources: ReadonlyMap<string, Resource>;
  /** The base type name of each resource type (`Person`, `ErrorResource`). */
  baseNames: ReadonlyMap<string, string>;
  /** Each resource type's include properties, made once (making them reports names it leaves out). */
  includes: Map<string, PropertyView[]>;
}

export function buildClientView(spec: Spec): { value: ClientView; diagnostics: Diagnostic[] } {
  const navigation = buildNavigation(spec);
  const resources = sortedBy(spec.resources, (r) => r.type);
  const typeNames = new NameScope(RESERVED_TYPE_NAMES);
  const clientName = typeNames.claim(`${pascalIdentifier(spec.app)}Client`);
  const resourceTypesName = typeNames.claim("ResourceTypes");
  const factoryName = `create${clientName}`;
  const baseNames = new Map<string, string>();
  for (const resource of resources) {
    const preferred = pascalIdentifier(resource.type);
    baseNames.set(
      resource.type,
      typeNames.claimFamily(RESERVED_TYPE_NAMES.includes(preferred) ? `${preferred}Resource` : preferred, FAMILY),
    );
  }
  const context: Context = {
    spec,
    file: specFile(spec),
    diagnostics: [...navigation.diagnostics],
    typeNames,
    records: navigation.value.records,
    resources: new Map(resources.map((r) => [r.type, r])),
    baseNames,
    includes: new Map(),
  };

  const root = membersView(context, navigation.value.root, "");
  const resourceViews = resources.map((resource) => resourceView(context, resource));
  const client: HandlesView = {
    doc: docLines([
      `${spec.title}, ${versionText(spec)}${spec.beta ? " (beta)" : ""}.`,
      spec.description,
      `Create one with \`${factoryName}(options)\` (or \`createClient(options)\`); its members are the API's top-level collections and records.`,
    ]),
    name: clientName,
    bases: [base("ClientBase")],
    members: root.members,
  };
  return {
    value: {
      header: docLines([
        `${spec.title} (${versionText(spec)}): the typed client.`,
        `Generated by \`npm run generate\` from ${context.file}. Do not edit.`,
      ]),
      clientName,
      factoryName,
      createDoc: docLines([
        `A client for ${spec.title}.`,
        "Authenticate with a personal access token, `{ auth: { appId, secret } }`, or an OAuth token, `{ auth: { accessToken, refreshToken, clientId, clientSecret, onTokenRefresh } }`.",
      ]),
      client,
      fields: fieldsView(resources),
      resourceTypes: dataInterface(
        resourceTypesName,
        resources.map((r) => property(r.type, baseNames.get(r.type)!)),
        docLines(["Each resource type by its JSON:API type name: `verifyWebhook<ResourceTypes>(...)` types each event's record by it."]),
      ),
      rootCollections: root.collections,
      resources: resourceViews.map((r) => r.view),
      api: apiView(spec),
      routes: [{ type: "", members: root.entries }, ...resourceViews.map((r) => r.route)].filter((r) => r.members.length > 0),
    },
    diagnostics: context.diagnostics,
  };
}

const FIELDS = "Fields";
const defOf = (context: Context, type: string) => {
  const base = context.baseNames.get(type);
  return base === undefined ? "pco.AnyDef" : `${base}Def`;
};

/** A runtime type to extend, with its type arguments. */
const base = (name: string, ...args: string[]): BaseView => ({ name, args });

/** A property of a data interface; optional ones may be left out. */
const property = (name: string, type: string, doc: string[] = [], optional = false): PropertyView => ({ doc, name, optional, type });

function dataInterface(name: string, properties: PropertyView[], doc: string[] = []): InterfaceView {
  return { doc, name, bases: [], properties, closed: false };
}

/** Names each member of a handle, with its type, its named collection interface and its route entry. */
function membersView(context: Context, navMembers: readonly Member[], owner: string) {
  const scope = new NameScope(RESERVED_MEMBERS);
  const ordered = [...navMembers].sort((a, b) => compareText(a.wire, b.wire) || compareText(a.suffix, b.suffix));
  const collections: CollectionView[] = [];
  const members: MemberView[] = [];
  const entries: RouteMemberView[] = [];
  for (const member of ordered) {
    const name = scope.claim(camelIdentifier(member.wire));
    const tags: DocTag[] = member.deprecated ? [{ name: "deprecated" }] : [];
    if (member.kind === "collection") {
      const view = collectionView(context, member, context.typeNames.claim(`${owner}${pascalIdentifier(name)}Collection`));
      collections.push(view);
      members.push({
        doc: docLines([member.details, `${member.target} records: \`GET ${member.template}\``, filtersDoc(member)], tags),
        name,
        handle: view.name,
      });
      entries.push({ name, collection: member.suffix, of: member.target });
    } else if (member.kind === "single") {
      const resource = context.baseNames.get(member.target);
      const what = member.currentUser ? `The current user, a ${member.target}` : `One ${member.target}`;
      const doc = docLines([member.details, `${what}: \`GET ${member.template}\``], tags);
      if (member.currentUser && resource !== undefined) {
        // The current user (`/me`) is always there: its `get` answers the record, never null.
        members.push({ doc, name, get: `${resource}Def` });
      } else if (member.record && resource !== undefined) {
        members.push({ doc, name, handle: `${resource}Record` });
      } else if (member.create && resource !== undefined) {
        const handle = context.typeNames.claim(`${owner}${pascalIdentifier(name)}One`);
        collections.push({ name: handle, bases: [base("One", defOf(context, member.target)), base("Create", `${resource}Def`)] });
        members.push({ doc, name, handle });
      } else {
        members.push({ doc, name, one: defOf(context, member.target) });
      }
      entries.push({ name, record: member.suffix, of: member.target });
    } else {
      const action = member.action;
      const body = actionBody(action.exampleBody);
      const doc = docLines(
        [
          action.description,
          action.details,
          action.canRun && `Who can run it: ${action.canRun}`,
          action.returnType && `Returns: ${action.returnType}`,
          `\`POST ${member.template}\``,
        ],
        tags,
      );
      members.push({ doc, name, action: body.attributes });
      entries.push({ name, action: member.suffix, ...(body.type === undefined ? {} : { sends: body.type }) });
    }
  }
  return { collections, members, entries };
}

function collectionView(context: Context, member: CollectionMember, name: string): CollectionView {
  const resource = context.baseNames.get(member.target);
  const def = defOf(context, member.target);
  const target = resource === undefined ? undefined : context.records.get(member.target);
  const filters = member.filters.length > 0 ? [literalUnion(sortedStrings(member.filters.map((f) => f.name)))] : [];
  const resourceOf = context.resources.get(member.target);
  const own = member.list && resourceOf !== undefined && resource !== undefined ? listQueryAt(resourceOf, member.template) : undefined;
  const narrowed = own === undefined ? undefined : narrowedDef(context, resourceOf!, name, own, member.template);
  const bases = [
    ...(member.list ? [base("Collection", narrowed?.def.name ?? def, ...filters)] : []),
    ...(member.create && resource !== undefined ? [base("Create", def)] : []),
    ...(member.byId && target?.get ? [base("GetById", def)] : []),
    ...(member.byId && target?.update ? [base("UpdateById", def)] : []),
    ...(member.byId && target?.delete ? [base("DeleteById")] : []),
  ];
  return {
    name,
    bases,
    ...(member.byId && resource !== undefined ? { byId: `${resource}Record` } : {}),
    ...(narrowed === undefined ? {} : { narrowed }),
  };
}

/** The query vocabulary of the list at `template`, where the spec gives it one of its own. */
function listQueryAt(resource: Resource, template: string): EndpointQuery | undefined {
  const shape = pathShape(template);
  return resource.endpoints.find((e) => e.operation === "list" && pathShape(e.path) === shape)?.query;
}

/**
 * The Def of a list that takes fewer where clauses, orders or includes than
 * its resource: the resource's Def with those three narrowed to the names the
 * endpoint takes, each an interface of its own (no mapped types: the compiler
 * checks a call against it as cheaply as against the resource's own).
 */
function narrowedDef(
  context: Context,
  resource: Resource,
  collection: string,
  own: EndpointQuery,
  template: string,
): { def: DefView; parts: InterfaceView[] } {
  const full = resourceDef(context, resource);
  const whereNames = new Set([...own.where, ...own.relationalWhere]);
  const includeNames = new Set(own.include);
  const orders = new Set(own.order);
  const where = whereOf(resource, (name) => whereNames.has(name));
  const includes = includesOf(context, resource).filter((p) => includeNames.has(p.name));
  const name = context.typeNames.claim(`${collection}Def`);
  const includesName = context.typeNames.claim(`${collection}Includes`);
  const whereName = where.length > 0 ? context.typeNames.claim(`${collection}Where`) : undefined;
  const def: DefView = {
    ...full,
    doc: docLines([`What \`GET ${template}\` takes: fewer where clauses, orders or includes than ${resource.type} has elsewhere.`]),
    name,
    includes: includesName,
    order: full.order.filter((o) => orders.has(o)),
  };
  if (whereName === undefined) delete def.where;
  else def.where = whereName;
  return {
    def,
    parts: [dataInterface(includesName, includes), ...(whereName === undefined ? [] : [dataInterface(whereName, where)])],
  };
}

/** A resource's where clauses (relational ones nested under their relation) that `keep` keeps. */
function whereOf(resource: Resource, keep: (name: string) => boolean = () => true): PropertyView[] {
  return whereProperties(
    [...resource.query.where, ...(resource.query.relationalWhere ?? [])]
      .filter((w) => keep(w.name))
      .map((w) => ({ name: w.name, type: whereType(w.type), doc: docLines([w.description]) })),
  );
}

/** The resource's include properties, made once per resource. */
function includesOf(context: Context, resource: Resource): PropertyView[] {
  const known = context.includes.get(resource.type);
  if (known !== undefined) return known;
  const made = includeProperties(context, resource);
  context.includes.set(resource.type, made);
  return made;
}

/** What a resource's Def names: its record, includes, where, orders, page sizes, cursor, fields, create and update. */
function resourceDef(context: Context, resource: Resource): DefView {
  const name = context.baseNames.get(resource.type)!;
  const nav = context.records.get(resource.type)!;
  const creatable = resource.permissions.create && resource.endpoints.some((e) => e.operation === "create");
  return {
    name: `${name}Def`,
    resource: name,
    includes: `${name}Includes`,
    ...(whereOf(resource).length > 0 ? { where: `${name}Where` } : {}),
    order: sortedStrings(resource.query.order),
    perPage: perPageType(resource.query.perPage),
    // Only a list the docs give an id cursor for takes `after` or `before` (pco.ListQuery reads this key).
    ...(resource.query.cursor === undefined ? {} : { cursor: [...resource.query.cursor] }),
    fields: FIELDS,
    ...(creatable ? { create: `${name}Create` } : {}),
    ...(nav.update ? { update: `${name}Update` } : {}),
  };
}

function resourceView(context: Context, resource: Resource): { view: ResourceView; route: RouteView } {
  const name = context.baseNames.get(resource.type)!;
  const nav = context.records.get(resource.type)!;
  const members = membersView(context, nav.members, name);
  const attributesByName = new Map(resource.attributes.map((a) => [a.name, a]));
  // Relational clauses (`group.name`) nest under their relation: `where: { group: { name } }`.
  const where = whereOf(resource);
  const assignable = (partName: string, names: readonly string[] | undefined): InterfaceView => {
    const properties = sortedStrings(names ?? resource.attributes.filter((a) => a.type !== "primary_key").map((a) => a.name)).map((n) =>
      property(n, assignableType(n, attributesByName.get(n)), docLines([attributesByName.get(n)?.description]), true),
    );
    return { ...dataInterface(partName, properties), closed: properties.length === 0 };
  };
  const creatable = resource.permissions.create && resource.endpoints.some((e) => e.operation === "create");
  const parts: InterfaceView[] = [
    dataInterface(`${name}Includes`, includesOf(context, resource)),
    ...(where.length > 0 ? [dataInterface(`${name}Where`, where)] : []),
    ...(creatable ? [assignable(`${name}Create`, resource.permissions.createAttributes)] : []),
    ...(nav.update ? [assignable(`${name}Update`, resource.permissions.updateAttributes)] : []),
  ];
  const def = resourceDef(context, resource);
  const dateFormats = apiFactsOf(context.spec).dateFormats ?? DOCUMENTED_API_FACTS.dateFormats ?? [];
  const attributes = sortedBy(resource.attributes, (a) => a.name).map((a) =>
    property(a.name, attributeType(a), attributeDoc(a, dateFormats)),
  );
  const view: ResourceView = {
    doc: docLines([resource.description], resource.deprecated ? [{ name: "deprecated" }] : []),
    name,
    type: resource.type,
    attributes: dataInterface(`${name}Attributes`, attributes),
    def,
    parts,
    record: {
      doc: docLines([`The handle of one ${resource.type}${nav.template === undefined ? "" : `, at \`${nav.template}\``}.`]),
      name: `${name}Record`,
      bases: [
        ...(nav.get ? [base("Get", `${name}Def`)] : []),
        ...(nav.update ? [base("Update", `${name}Def`)] : []),
        ...(nav.delete ? [base("Delete")] : []),
      ],
      members: members.members,
    },
    collections: members.collections,
  };
  return { view, route: { type: resource.type, members: members.entries } };
}

/**
 * Each includable name with the record(s) it resolves to, and each nested
 * include (`group.location`) with its parent as it then holds the nested
 * record; names of a record's own keys are left out (warned).
 */
function includeProperties(context: Context, resource: Resource): PropertyView[] {
  const properties: PropertyView[] = [];
  const nested = new Set(
    [...resource.query.include, ...(resource.query.nestedInclude ?? [])].filter(
      (name) => name.includes(".") && !name.split(".").some((step) => RESOURCE_KEYS.has(step)),
    ),
  );
  for (const name of nested) properties.push(property(name, nestedIncludeType(name, resource, context)));
  resource.query.include.forEach((include, i) => {
    if (include.includes(".")) return;
    if (RESOURCE_KEYS.has(include)) {
      context.diagnostics.push(
        diagnostic(
          "warning",
          "CLIENT_INCLUDE_NAME",
          `the include ${include} has the name of a key of every record; it is left out of the client's includes`,
          {
            file: context.file,
            pointer: `/resources/${context.spec.resources.indexOf(resource)}/query/include/${i}`,
          },
        ),
      );
      return;
    }
    const target = includeTarget(include, resource, context.resources);
    const type = target === undefined ? "pco.AnyResource" : context.baseNames.get(target)!;
    const toMany = includeIsToMany(include, resource, context.resources);
    properties.push(property(include, toMany ? `${type}[]` : `${type} | null`));
  });
  // By the key as written (a quoted key sorts by its quote), the order the interface has always listed them in.
  return sortedBy(properties, (p) => propertyKey(p.name));
}

type DateFormats = NonNullable<ReturnType<typeof apiFactsOf>["dateFormats"]>;

function attributeDoc(attribute: Attribute, dateFormats: DateFormats): string[] {
  const isDate = attribute.type === "date" || attribute.type === "date_time";
  const format = dateFormats.find((f) => f.name === (attribute.type === "date" ? "date" : "date and time"));
  const dateNote =
    isDate && format !== undefined ? `An ISO 8601 ${format.name} (\`${format.format}\`, e.g. \`${format.example}\`).` : undefined;
  return docLines([
    attribute.description,
    attribute.note,
    typeOriginNote(attribute),
    dateNote,
    attribute.permission && `Permission: ${attribute.permission}.`,
  ]);
}

function fieldsView(resources: readonly Resource[]): InterfaceView {
  return dataInterface(
    FIELDS,
    resources.map((r) => property(r.type, `readonly (${literalUnion(sortedStrings(fieldNames(r)))})[]`, [], true)),
    docLines(["Sparse fieldsets: the fields to return, per resource type (`fields[Person]=first_name,last_name`)."]),
  );
}

/**
 * What `fields[Type]` takes: the type's attributes and relationships, and the
 * relationships its includes follow (the API, and the official OpenAPI's
 * `fields[Type]` enums, accept those; the spec may list an include that its
 * relationships table leaves out).
 */
function fieldNames(resource: Resource): Set<string> {
  const includes = resource.query.include.filter((name) => !name.includes(".") && !RESOURCE_KEYS.has(name));
  return new Set([...resource.attributes.map((a) => a.name), ...resource.relationships.map((x) => x.name), ...includes]);
}

function apiView(spec: Spec): ApiView {
  const facts = apiFactsOf(spec);
  const rateLimit = facts.rateLimit ?? DOCUMENTED_API_FACTS.rateLimit!;
  const upload = facts.upload ?? DOCUMENTED_API_FACTS.upload!;
  return {
    baseUrl: spec.baseUrl,
    ...(spec.version === "legacy" ? {} : { apiVersion: spec.version }),
    tokenUrl: facts.auth?.oauth2?.tokenUrl ?? DOCUMENTED_API_FACTS.auth!.oauth2!.tokenUrl,
    uploadUrl: upload.url,
    uploadField: upload.field,
    rateLimit: { limit: rateLimit.limit, periodSeconds: rateLimit.periodSeconds, headers: { ...rateLimit.headers } },
  };
}

const versionText = (spec: Spec) => (spec.version === "legacy" ? "from the legacy documentation" : `API version ${spec.version}`);

function filtersDoc(member: CollectionMember): string | undefined {
  if (member.filters.length === 0) return undefined;
  const lines = sortedBy(member.filters, (f) => f.name).map(
    (f) => `- \`${f.name}\`${f.description ? `: ${f.description.replace(/\s+/g, " ")}` : ""}`,
  );
  return ["Filters:", ...lines].join("\n");
}

/** The documented page sizes: the runtime's `1..100` union, a smaller union, or any number. */
function perPageType(perPage: Resource["query"]["perPage"]): string {
  if (perPage === undefined || (perPage.min <= 1 && perPage.max === 100)) return "pco.PerPage";
  if (perPage.max < perPage.min || perPage.max - perPage.min >= 100) return "number";
  return Array.from({ length: perPage.max - perPage.min + 1 }, (_, i) => String(perPage.min + i)).join(" | ");
}

/**
 * The view-model of one app's client: every name claimed, every type
 * expression and doc comment written, so that the templates only loop and
 * print. Names are claimed in sorted order, so the same spec always gives the
 * same names whatever order it lists things in.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { compareText, sortedBy, sortedStrings } from "../../util/order.js";
import { apiFactsOf, DOCUMENTED_API_FACTS } from "../../spec/api-facts.js";
import type { Attribute, Resource, Spec } from "../../spec/types.js";
import { includeIsToMany, includeTarget } from "../../spec/cardinality.js";
import { buildNavigation, specFile, type CollectionMember, type Member, type RecordNav } from "./navigation.js";
import { camelIdentifier, NameScope, pascalIdentifier, RESERVED_MEMBERS, RESERVED_TYPE_NAMES } from "./names.js";
import { docComment, propertyKey, stringLiteral, type DocTag } from "./ts-text.js";
import { actionBody, assignableType, attributeType, literalUnion, whereType } from "./type-expressions.js";
import { nestedIncludeType } from "./nested-include-type.js";
import { whereProperties } from "./relational-where-type.js";
import { typeOriginNote } from "../type-origin-note.js";

/** One property of an interface: its doc comment, key (with `?` when optional) and type. */
export interface PropertyView {
  doc: string;
  key: string;
  type: string;
}

export interface InterfaceView {
  doc: string;
  name: string;
  /** ` extends A, B`, or "". */
  heritage: string;
  properties: PropertyView[];
}

export interface ResourceView {
  doc: string;
  name: string;
  typeLiteral: string;
  attributes: InterfaceView;
  def: { name: string; properties: PropertyView[] };
  /** Where, includes, create and update interfaces that have something to say. */
  parts: InterfaceView[];
  record: InterfaceView;
  /** The named collection interfaces of the record's members. */
  collections: InterfaceView[];
}

/** One resource type's entry in the route table: its key, and each member as `name: { ... }` source text. */
export interface RouteView {
  key: string;
  members: { key: string; value: string }[];
}

export interface ClientView {
  /** The comment at the top of each file. */
  header: string;
  clientName: string;
  /** `createPeopleClient`: a factory a program using several apps need not rename. */
  factoryName: string;
  createDoc: string;
  client: InterfaceView;
  fields: InterfaceView;
  /** Each JSON:API type name with its record type: what types a webhook event's record. */
  resourceTypes: InterfaceView;
  rootCollections: InterfaceView[];
  resources: ResourceView[];
  api: string;
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
    baseNames.set(resource.type, typeNames.claimFamily(RESERVED_TYPE_NAMES.includes(preferred) ? `${preferred}Resource` : preferred, FAMILY));
  }
  const context: Context = {
    spec,
    file: specFile(spec),
    diagnostics: [...navigation.diagnostics],
    typeNames,
    records: navigation.value.records,
    resources: new Map(resources.map((r) => [r.type, r])),
    baseNames,
  };

  const root = membersView(context, navigation.value.root, "");
  const resourceViews = resources.map((resource) => resourceView(context, resource));
  const client: InterfaceView = {
    doc: docComment([
      `${spec.title}, ${versionText(spec)}${spec.beta ? " (beta)" : ""}.`,
      spec.description,
      `Create one with \`${factoryName}(options)\` (or \`createClient(options)\`); its members are the API's top-level collections and records.`,
    ]),
    name: clientName,
    heritage: " extends pco.ClientBase",
    properties: root.properties,
  };
  return {
    value: {
      header: docComment([`${spec.title} (${versionText(spec)}): the typed client.`, `Generated by \`npm run generate\` from ${context.file}. Do not edit.`]),
      clientName,
      factoryName,
      createDoc: docComment([
        `A client for ${spec.title}.`,
        "Authenticate with a personal access token, `{ auth: { appId, secret } }`, or an OAuth token, `{ auth: { accessToken, refreshToken, clientId, clientSecret, onTokenRefresh } }`.",
      ]),
      client,
      fields: fieldsView(resources),
      resourceTypes: {
        doc: docComment(["Each resource type by its JSON:API type name: `verifyWebhook<ResourceTypes>(...)` types each event's record by it."]),
        name: resourceTypesName,
        heritage: "",
        properties: resources.map((r) => ({ doc: "", key: propertyKey(r.type), type: baseNames.get(r.type)! })),
      },
      rootCollections: root.collections,
      resources: resourceViews.map((r) => r.view),
      api: apiLiteral(spec),
      routes: [routeView("", root.entries), ...resourceViews.map((r) => r.route)].filter((r) => r.members.length > 0),
    },
    diagnostics: context.diagnostics,
  };
}

const FIELDS = "Fields";
const defOf = (context: Context, type: string) => {
  const base = context.baseNames.get(type);
  return base === undefined ? "pco.AnyDef" : `${base}Def`;
};

/** Names each member of a handle, with its type, its named collection interface and its route entry. */
function membersView(context: Context, members: readonly Member[], owner: string) {
  const scope = new NameScope(RESERVED_MEMBERS);
  const ordered = [...members].sort((a, b) => compareText(a.wire, b.wire) || compareText(a.suffix, b.suffix));
  const collections: InterfaceView[] = [];
  const properties: PropertyView[] = [];
  const entries: RouteView["members"] = [];
  for (const member of ordered) {
    const name = scope.claim(camelIdentifier(member.wire));
    const key = propertyKey(name);
    const tags: DocTag[] = member.deprecated ? [{ name: "deprecated" }] : [];
    if (member.kind === "collection") {
      const view = collectionView(context, member, context.typeNames.claim(`${owner}${pascalIdentifier(name)}Collection`));
      collections.push(view);
      properties.push({ doc: docComment([member.details, `${member.target} records: \`GET ${member.template}\``, filtersDoc(member)], tags), key, type: view.name });
      entries.push(memberEntry(name, { collection: member.suffix, of: member.target }));
    } else if (member.kind === "single") {
      const base = context.baseNames.get(member.target);
      const one = `pco.One<${defOf(context, member.target)}>`;
      // The current user (`/me`) is always there: its `get` answers the record, never null.
      let type = member.currentUser && base !== undefined ? `pco.Get<${base}Def>` : member.record && base !== undefined ? `${base}Record` : one;
      if (type === one && member.create && base !== undefined) {
        type = context.typeNames.claim(`${owner}${pascalIdentifier(name)}One`);
        collections.push({ doc: "", name: type, heritage: heritageOf([one, `pco.Create<${base}Def>`]), properties: [] });
      }
      const what = member.currentUser ? `The current user, a ${member.target}` : `One ${member.target}`;
      properties.push({ doc: docComment([member.details, `${what}: \`GET ${member.template}\``], tags), key, type });
      entries.push(memberEntry(name, { record: member.suffix, of: member.target }));
    } else {
      const action = member.action;
      const body = actionBody(action.exampleBody);
      const doc = docComment(
        [
          action.description,
          action.details,
          action.canRun && `Who can run it: ${action.canRun}`,
          action.returnType && `Returns: ${action.returnType}`,
          `\`POST ${member.template}\``,
        ],
        tags,
      );
      properties.push({ doc, key, type: `pco.Action<${body.attributes}>` });
      entries.push(memberEntry(name, { action: member.suffix, sends: body.type }));
    }
  }
  return { collections, properties, entries };
}

function collectionView(context: Context, member: CollectionMember, name: string): InterfaceView {
  const base = context.baseNames.get(member.target);
  const def = defOf(context, member.target);
  const target = base === undefined ? undefined : context.records.get(member.target);
  const filters = member.filters.length > 0 ? `, ${literalUnion(sortedStrings(member.filters.map((f) => f.name)))}` : "";
  const heritage = [
    ...(member.list ? [`pco.Collection<${def}${filters}>`] : []),
    ...(member.create && base !== undefined ? [`pco.Create<${def}>`] : []),
    ...(member.byId && target?.get ? [`pco.GetById<${def}>`] : []),
    ...(member.byId && target?.update ? [`pco.UpdateById<${def}>`] : []),
    ...(member.byId && target?.delete ? ["pco.DeleteById"] : []),
  ];
  const properties = member.byId && base !== undefined ? [{ doc: "", key: "id(id: pco.Id)", type: `${base}Record` }] : [];
  return { doc: "", name, heritage: heritageOf(heritage), properties };
}

function resourceView(context: Context, resource: Resource): { view: ResourceView; route: RouteView } {
  const name = context.baseNames.get(resource.type)!;
  const nav = context.records.get(resource.type)!;
  const members = membersView(context, nav.members, name);
  const attributesByName = new Map(resource.attributes.map((a) => [a.name, a]));
  // Relational clauses (`group.name`) nest under their relation: `where: { group: { name } }`.
  const where = whereProperties(
    [...resource.query.where, ...(resource.query.relationalWhere ?? [])].map((w) => ({ name: w.name, type: whereType(w.type), doc: docComment([w.description]) })),
  );
  const assignable = (names: readonly string[] | undefined): PropertyView[] => {
    const properties = sortedStrings(names ?? resource.attributes.filter((a) => a.type !== "primary_key").map((a) => a.name)).map((n) => ({
      doc: docComment([attributesByName.get(n)?.description]),
      key: `${propertyKey(n)}?`,
      type: assignableType(n, attributesByName.get(n)),
    }));
    // An empty interface would accept any object: with nothing assignable, every key is refused.
    return properties.length > 0 ? properties : [{ doc: "", key: "[name: string]", type: "never" }];
  };
  const creatable = resource.permissions.create && resource.endpoints.some((e) => e.operation === "create");
  const parts: InterfaceView[] = [
    { doc: "", name: `${name}Includes`, heritage: "", properties: includeProperties(context, resource) },
    ...(where.length > 0 ? [{ doc: "", name: `${name}Where`, heritage: "", properties: where }] : []),
    ...(creatable ? [{ doc: "", name: `${name}Create`, heritage: "", properties: assignable(resource.permissions.createAttributes) }] : []),
    ...(nav.update ? [{ doc: "", name: `${name}Update`, heritage: "", properties: assignable(resource.permissions.updateAttributes) }] : []),
  ];
  const def: PropertyView[] = [
    { doc: "", key: "resource", type: name },
    { doc: "", key: "includes", type: `${name}Includes` },
    { doc: "", key: "where", type: where.length > 0 ? `${name}Where` : "{ [name: string]: never }" },
    { doc: "", key: "order", type: resource.query.order.length > 0 ? `pco.Order<${literalUnion(sortedStrings(resource.query.order))}>` : "never" },
    { doc: "", key: "perPage", type: perPageType(resource.query.perPage) },
    // Only a list the docs give an id cursor for takes `after` or `before` (pco.ListQuery reads this key).
    ...(resource.query.cursor === undefined ? [] : [{ doc: "", key: "cursor", type: literalUnion([...resource.query.cursor]) }]),
    { doc: "", key: "fields", type: FIELDS },
    { doc: "", key: "create", type: creatable ? `${name}Create` : "never" },
    { doc: "", key: "update", type: nav.update ? `${name}Update` : "never" },
  ];
  const recordHeritage = [
    ...(nav.get ? [`pco.Get<${name}Def>`] : []),
    ...(nav.update ? [`pco.Update<${name}Def>`] : []),
    ...(nav.delete ? ["pco.Delete"] : []),
  ];
  const dateFormats = apiFactsOf(context.spec).dateFormats ?? DOCUMENTED_API_FACTS.dateFormats ?? [];
  const view: ResourceView = {
    doc: docComment([resource.description], resource.deprecated ? [{ name: "deprecated" }] : []),
    name,
    typeLiteral: stringLiteral(resource.type),
    attributes: {
      doc: "",
      name: `${name}Attributes`,
      heritage: "",
      properties: sortedBy(resource.attributes, (a) => a.name).map((a) => ({ doc: attributeDoc(a, dateFormats), key: propertyKey(a.name), type: attributeType(a) })),
    },
    def: { name: `${name}Def`, properties: def },
    parts,
    record: {
      doc: docComment([`The handle of one ${resource.type}${nav.template === undefined ? "" : `, at \`${nav.template}\``}.`]),
      name: `${name}Record`,
      heritage: heritageOf(recordHeritage),
      properties: members.properties,
    },
    collections: members.collections,
  };
  return { view, route: routeView(resource.type, members.entries) };
}

/**
 * Each includable name with the record(s) it resolves to, and each nested
 * include (`group.location`) with its parent as it then holds the nested
 * record; names of a record's own keys are left out (warned).
 */
function includeProperties(context: Context, resource: Resource): PropertyView[] {
  const properties: PropertyView[] = [];
  const nested = new Set(
    [...resource.query.include, ...(resource.query.nestedInclude ?? [])].filter((name) => name.includes(".") && !name.split(".").some((step) => RESOURCE_KEYS.has(step))),
  );
  for (const name of nested) properties.push({ doc: "", key: propertyKey(name), type: nestedIncludeType(name, resource, context) });
  resource.query.include.forEach((include, i) => {
    if (include.includes(".")) return;
    if (RESOURCE_KEYS.has(include)) {
      context.diagnostics.push(
        diagnostic("warning", "CLIENT_INCLUDE_NAME", `the include ${include} has the name of a key of every record; it is left out of the client's includes`, {
          file: context.file,
          pointer: `/resources/${context.spec.resources.indexOf(resource)}/query/include/${i}`,
        }),
      );
      return;
    }
    const target = includeTarget(include, resource, context.resources);
    const type = target === undefined ? "pco.AnyResource" : context.baseNames.get(target)!;
    const toMany = includeIsToMany(include, resource, context.resources);
    properties.push({ doc: "", key: propertyKey(include), type: toMany ? `${type}[]` : `${type} | null` });
  });
  return sortedBy(properties, (p) => p.key);
}

type DateFormats = NonNullable<ReturnType<typeof apiFactsOf>["dateFormats"]>;

function attributeDoc(attribute: Attribute, dateFormats: DateFormats): string {
  const isDate = attribute.type === "date" || attribute.type === "date_time";
  const format = dateFormats.find((f) => f.name === (attribute.type === "date" ? "date" : "date and time"));
  const dateNote = isDate && format !== undefined ? `An ISO 8601 ${format.name} (\`${format.format}\`, e.g. \`${format.example}\`).` : undefined;
  return docComment([attribute.description, attribute.note, typeOriginNote(attribute), dateNote, attribute.permission && `Permission: ${attribute.permission}.`]);
}

function fieldsView(resources: readonly Resource[]): InterfaceView {
  return {
    doc: docComment(["Sparse fieldsets: the fields to return, per resource type (`fields[Person]=first_name,last_name`)."]),
    name: FIELDS,
    heritage: "",
    properties: resources.map((r) => ({
      doc: "",
      key: `${propertyKey(r.type)}?`,
      type: `readonly (${literalUnion(sortedStrings(fieldNames(r)))})[]`,
    })),
  };
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

/** The runtime's `ApiDefaults`: the base URL, the version header, and what the docs say once for the API. */
function apiLiteral(spec: Spec): string {
  const facts = apiFactsOf(spec);
  const rateLimit = facts.rateLimit ?? DOCUMENTED_API_FACTS.rateLimit!;
  const upload = facts.upload ?? DOCUMENTED_API_FACTS.upload!;
  const tokenUrl = facts.auth?.oauth2?.tokenUrl ?? DOCUMENTED_API_FACTS.auth!.oauth2!.tokenUrl;
  const headers = rateLimit.headers;
  return [
    "{",
    `baseUrl: ${stringLiteral(spec.baseUrl)},`,
    ...(spec.version === "legacy" ? [] : [`apiVersion: ${stringLiteral(spec.version)},`]),
    `tokenUrl: ${stringLiteral(tokenUrl)},`,
    `uploadUrl: ${stringLiteral(upload.url)},`,
    `uploadField: ${stringLiteral(upload.field)},`,
    `rateLimit: { limit: ${rateLimit.limit}, periodSeconds: ${rateLimit.periodSeconds}, headers: { limit: ${stringLiteral(headers.limit)}, period: ${stringLiteral(headers.period)}, count: ${stringLiteral(headers.count)}, retryAfter: ${stringLiteral(headers.retryAfter)} } },`,
    "}",
  ].join("\n");
}

const versionText = (spec: Spec) => (spec.version === "legacy" ? "from the legacy documentation" : `API version ${spec.version}`);

const heritageOf = (bases: readonly string[]) => (bases.length === 0 ? "" : ` extends ${bases.join(", ")}`);

/**
 * A key of the route table's object literals. `__proto__` is written computed:
 * as a plain key it would set the object's prototype instead of a property.
 */
const routeKey = (name: string) => (name === "__proto__" ? `[${stringLiteral(name)}]` : propertyKey(name));

function routeView(type: string, members: RouteView["members"]): RouteView {
  return { key: routeKey(type), members };
}

/** `name: { collection: "/suffix", of: "Type" }` and the like: the runtime's `Member`, fields left out when undefined. */
function memberEntry(name: string, fields: Record<string, string | undefined>): RouteView["members"][number] {
  const parts = Object.entries(fields).flatMap(([key, value]) => (value === undefined ? [] : [`${key}: ${stringLiteral(value)}`]));
  return { key: routeKey(name), value: `{ ${parts.join(", ")} }` };
}

function filtersDoc(member: CollectionMember): string | undefined {
  if (member.filters.length === 0) return undefined;
  const lines = sortedBy(member.filters, (f) => f.name).map((f) => `- \`${f.name}\`${f.description ? `: ${f.description.replace(/\s+/g, " ")}` : ""}`);
  return ["Filters:", ...lines].join("\n");
}

/** The documented page sizes: the runtime's `1..100` union, a smaller union, or any number. */
function perPageType(perPage: Resource["query"]["perPage"]): string {
  if (perPage === undefined || (perPage.min <= 1 && perPage.max === 100)) return "pco.PerPage";
  if (perPage.max < perPage.min || perPage.max - perPage.min >= 100) return "number";
  return Array.from({ length: perPage.max - perPage.min + 1 }, (_, i) => String(perPage.min + i)).join(" | ");
}

/**
 * Parameters. Path parameters are declared once per path; the query
 * parameters of a resource (`where[...]`, `order`, `include`, `fields[Type]`,
 * `per_page`) are components shared by every operation that returns it.
 *
 * The query conventions are the docs': `where[attr]=value` (equality, or a
 * prefix/suffix match with `%`), `where[attr][gt|gte|lt|lte]` for dates,
 * times and numbers (the operators the docs list, or all four for an ordered
 * type where they list none), relational `where[relation][attr]`,
 * `order=attr` or `-attr`, comma-separated `include` (nested paths such as
 * `location.group` among them) and `filter`, and paging by `per_page` and
 * `offset`.
 */
import { pathParameters as templateParameters } from "../../spec/paths.js";
import { sortedBy, sortedStrings } from "../../util/order.js";
import type { Filter, QueryParam, Resource } from "../../spec/types.js";
import { isOrderedType, queryValueSchema } from "./attribute-schema.js";
import type { AppContext, DocumentContext } from "./context.js";
import type { Parameter, Reference } from "./model.js";

const COMPARISONS = {
  gt: "after (greater than)",
  gte: "on or after (greater than or equal to)",
  lt: "before (less than)",
  lte: "on or before (less than or equal to)",
} as const;
type Comparison = keyof typeof COMPARISONS;

export function pathParameters(app: AppContext, path: string): Parameter[] {
  return templateParameters(path).map((name) => {
    const resource = app.spec.resources.find((r) => `${r.id}_id` === name);
    return {
      name,
      in: "path",
      ...(resource === undefined ? {} : { description: `The id of the ${resource.type}.` }),
      required: true,
      schema: { type: "string" },
    };
  });
}

/** For an operation that returns a page of `type`. */
export function collectionParameters(
  ctx: DocumentContext,
  app: AppContext,
  type: string,
  filters: readonly Filter[],
): (Parameter | Reference)[] {
  const resource = app.resource(type);
  const ordered = resource !== undefined && resource.query.order.length > 0;
  return [
    ...(resource === undefined ? [] : whereParameters(ctx, app, resource)),
    ...(ordered ? [orderParameter(ctx, app, resource)] : []),
    ...(filters.length > 0 ? [filterParameter(filters)] : []),
    ...recordParameters(ctx, app, type),
    perPageParameter(ctx, app, resource),
    offsetParameter(ctx),
  ];
}

/**
 * The references of a resource's query parameters, by document and by app and type: the first operation that returns the
 * resource builds its components, and every other (a resource is listed under many paths) is given the same references.
 */
const referencesOf = new WeakMap<DocumentContext, Map<string, Reference[]>>();

function sameForEveryOperation(ctx: DocumentContext, key: string, build: () => Reference[]): Reference[] {
  let known = referencesOf.get(ctx);
  if (known === undefined) referencesOf.set(ctx, (known = new Map()));
  let references = known.get(key);
  if (references === undefined) known.set(key, (references = build()));
  return references;
}

/** For an operation that returns one `type` (`include`, `fields[...]`). */
export function recordParameters(ctx: DocumentContext, app: AppContext, type: string): Reference[] {
  return sameForEveryOperation(ctx, `record ${app.id} ${type}`, () => buildRecordParameters(ctx, app, type));
}

function buildRecordParameters(ctx: DocumentContext, app: AppContext, type: string): Reference[] {
  const resource = app.resource(type);
  if (resource === undefined) return [];
  const included = sortedStrings(
    new Set(resource.query.include.map((name) => app.includeTarget(resource, name)).filter((t): t is string => t !== undefined)),
  );
  const fieldTypes = [type, ...included.filter((t) => t !== type)]
    .map((t) => app.resource(t))
    .filter((r): r is Resource => r !== undefined && fieldNames(r).length > 0);
  return [
    ...(resource.query.include.length + (resource.query.nestedInclude?.length ?? 0) > 0 ? [includeParameter(ctx, app, resource)] : []),
    ...fieldTypes.map((r) => fieldsParameter(ctx, app, r)),
  ];
}

function whereParameters(ctx: DocumentContext, app: AppContext, resource: Resource): Reference[] {
  return sameForEveryOperation(ctx, `where ${app.id} ${resource.type}`, () => buildWhereParameters(ctx, app, resource));
}

function buildWhereParameters(ctx: DocumentContext, app: AppContext, resource: Resource): Reference[] {
  const clauses = [...resource.query.where, ...(resource.query.relationalWhere ?? [])];
  return sortedBy(clauses, (w) => w.name).flatMap((where) => [
    whereParameter(ctx, app, resource, where, undefined),
    ...comparisonsOf(where).map((c) => whereParameter(ctx, app, resource, where, c)),
  ]);
}

/** The operators the docs list for a clause; where they list none, all four for an ordered type. */
function comparisonsOf(where: QueryParam): Comparison[] {
  const all = Object.keys(COMPARISONS) as Comparison[];
  if (where.operators !== undefined) return all.filter((c) => where.operators!.includes(c));
  return isOrderedType(where.type) ? all : [];
}

function whereParameter(
  ctx: DocumentContext,
  app: AppContext,
  resource: Resource,
  where: QueryParam,
  comparison: Comparison | undefined,
): Reference {
  const suffix = comparison === undefined ? "" : `.${comparison}`;
  // A relational clause is named by its dotted path (`group.name`): `where[group][name]`.
  const bracketed = where.name
    .split(".")
    .map((part) => `[${part}]`)
    .join("");
  return resourceParameter(ctx, app, resource, `where.${where.name}${suffix}`, () => ({
    name: comparison === undefined ? `where${bracketed}` : `where${bracketed}[${comparison}]`,
    in: "query",
    description:
      comparison === undefined
        ? (where.description ?? `Query on a specific ${where.name}.`)
        : `Query on ${where.name} ${COMPARISONS[comparison]} the value.`,
    schema: queryValueSchema(where.type),
  }));
}

function orderParameter(ctx: DocumentContext, app: AppContext, resource: Resource): Reference {
  return resourceParameter(ctx, app, resource, "order", () => ({
    name: "order",
    in: "query",
    description: "The attribute to sort by; prefixed with a hyphen (`-name`), the order is reversed.",
    schema: { type: "string", enum: sortedStrings(resource.query.order).flatMap((name) => [name, `-${name}`]) },
  }));
}

function includeParameter(ctx: DocumentContext, app: AppContext, resource: Resource): Reference {
  return resourceParameter(ctx, app, resource, "include", () => ({
    name: "include",
    in: "query",
    description: "Related resources to return in `included`, comma-separated.",
    style: "form",
    explode: false,
    schema: {
      type: "array",
      items: { type: "string", enum: sortedStrings([...resource.query.include, ...(resource.query.nestedInclude ?? [])]) },
    },
  }));
}

/** Sparse fieldsets: attributes and relationships alike, as JSON:API defines them. */
function fieldsParameter(ctx: DocumentContext, app: AppContext, resource: Resource): Reference {
  return resourceParameter(ctx, app, resource, "fields", () => ({
    name: `fields[${resource.type}]`,
    in: "query",
    description: `Only these fields of each ${resource.type}, comma-separated.`,
    style: "form",
    explode: false,
    schema: { type: "array", items: { type: "string", enum: fieldNames(resource) } },
  }));
}

function fieldNames(resource: Resource): string[] {
  const names = [...resource.attributes.map((a) => a.name), ...resource.relationships.map((r) => r.name)];
  return sortedStrings(new Set(names.filter((n) => n !== "id")));
}

function filterParameter(filters: readonly Filter[]): Parameter {
  const sorted = sortedBy(filters, (f) => f.name);
  const help = sorted.map((f) => `- \`${f.name}\`${f.description === undefined ? "" : `: ${f.description}`}`);
  return {
    name: "filter",
    in: "query",
    description: ["Named filters, comma-separated:", "", ...help].join("\n"),
    style: "form",
    explode: false,
    schema: { type: "array", items: { type: "string", enum: sorted.map((f) => f.name) } },
    "x-pco-filters": sorted.map((f) => ({ name: f.name, ...(f.description === undefined ? {} : { description: f.description }) })),
  };
}

function perPageParameter(ctx: DocumentContext, app: AppContext, resource: Resource | undefined): Reference {
  const perPage = resource?.query.perPage;
  const description = "How many records to return per page.";
  if (resource === undefined || perPage === undefined) {
    return ctx.components.use("parameters", "per_page", "per_page", () => ({
      name: "per_page",
      in: "query",
      description,
      schema: { type: "integer", minimum: 1 },
    }));
  }
  return resourceParameter(ctx, app, resource, "per_page", () => ({
    name: "per_page",
    in: "query",
    description,
    schema: { type: "integer", minimum: perPage.min, maximum: perPage.max, default: perPage.default },
  }));
}

function offsetParameter(ctx: DocumentContext): Reference {
  return ctx.components.use("parameters", "offset", "offset", () => ({
    name: "offset",
    in: "query",
    description: "Get results from this offset: the `meta.next.offset` of the previous page.",
    schema: { type: "integer", minimum: 0 },
  }));
}

function resourceParameter(ctx: DocumentContext, app: AppContext, resource: Resource, part: string, build: () => Parameter): Reference {
  return ctx.components.use(
    "parameters",
    `${app.id} ${resource.type} ${part}`,
    { prefix: app.prefix, name: `${resource.type}.${part}` },
    build,
  );
}

/**
 * Query parameters as the API reads them: `where[name]=value`,
 * `where[name][gte]=value`, `where[group][name]=value`, `include=a,b`,
 * `order=-created_at`, `filter=a,b`, `per_page`, `offset`, `after`, `before`,
 * `fields[Type]=a,b`.
 */
import type { CallOptions, Params } from "./types.js";

/** Any query a generated client accepts, as the runtime sees it. */
export interface AnyQuery extends CallOptions {
  where?: { [name: string]: unknown };
  order?: string | readonly string[];
  include?: readonly string[];
  filter?: string | readonly string[];
  perPage?: number;
  offset?: number;
  after?: string;
  before?: string;
  fields?: { [type: string]: readonly string[] | undefined };
  params?: Params;
  relationships?: { [name: string]: unknown };
  maxPages?: number;
}

/** The API's page sizes. */
const MIN_PER_PAGE = 1;
const MAX_PER_PAGE = 100;

/** Why the API would refuse this query, checked before anything is sent; undefined when it would not. */
export function queryProblem(query: AnyQuery | undefined): string | undefined {
  const perPage = query?.perPage;
  if (
    perPage !== undefined &&
    !(Number.isInteger(perPage) && perPage >= MIN_PER_PAGE && perPage <= MAX_PER_PAGE)
  )
    return `perPage must be a whole number from ${MIN_PER_PAGE} to ${MAX_PER_PAGE}, not ${String(perPage)}`;
  const maxPages = query?.maxPages;
  if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages >= 1))
    return `maxPages must be a whole number from 1, not ${String(maxPages)}`;
  return undefined;
}

/**
 * A sparse fieldset of the record's own type names the relationships its
 * includes follow: the API leaves out a relationship that `fields` does not
 * name, and the include would then resolve to nothing. So each include's
 * first step is added to `fields[type]` when the caller gave that fieldset.
 */
export function withOwnIncludes(query: AnyQuery | undefined, type: string): AnyQuery | undefined {
  const own = query?.fields?.[type];
  if (!query?.include?.length || own === undefined) return query;
  const names = new Set(own);
  for (const include of query.include) names.add(include.split(".")[0]!);
  if (names.size === own.length) return query;
  return { ...query, fields: { ...query.fields, [type]: [...names] } };
}

const OPERATORS = ["gt", "gte", "lt", "lte"] as const;

/** `where[location][group][name]` is the deepest the API documents; deeper objects are not sent. */
const MAX_WHERE_DEPTH = 3;

/**
 * One where clause: a value is `where[name]=value`; a range (an object with
 * `gt`, `gte`, `lt` or `lte`) is `where[name][gt]=value`; any other object is
 * a relational where, `{ group: { name: "x" } }` giving `where[group][name]=x`.
 */
function appendWhere(params: URLSearchParams, key: string, value: unknown, depth: number): void {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null) {
    params.append(key, String(value));
    return;
  }
  const object = value as { [name: string]: unknown };
  if (OPERATORS.some((operator) => object[operator] !== undefined)) {
    for (const operator of OPERATORS) {
      if (object[operator] !== undefined)
        params.append(`${key}[${operator}]`, String(object[operator]));
    }
    return;
  }
  if (depth >= MAX_WHERE_DEPTH) return;
  for (const [name, inner] of Object.entries(object))
    appendWhere(params, `${key}[${name}]`, inner, depth + 1);
}

export function searchParams(query: AnyQuery | undefined): URLSearchParams {
  const params = new URLSearchParams();
  if (!query) return params;
  for (const [name, value] of Object.entries(query.where ?? {}))
    appendWhere(params, `where[${name}]`, value, 1);
  if (query.include?.length) params.set("include", query.include.join(","));
  if (query.order !== undefined) params.set("order", commaList(query.order));
  if (query.filter !== undefined) params.set("filter", commaList(query.filter));
  if (query.perPage !== undefined) params.set("per_page", String(query.perPage));
  if (query.offset !== undefined) params.set("offset", String(query.offset));
  if (query.after !== undefined) params.set("after", query.after);
  if (query.before !== undefined) params.set("before", query.before);
  for (const [type, names] of Object.entries(query.fields ?? {})) {
    if (names) params.set(`fields[${type}]`, names.join(","));
  }
  for (const [name, value] of Object.entries(query.params ?? {}))
    params.append(name, String(value));
  return params;
}

const commaList = (value: string | readonly string[]) =>
  typeof value === "string" ? value : value.join(",");

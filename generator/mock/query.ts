/**
 * The query string of a request, as the API reads it: `where[attr]=v`,
 * `where[attr][gte]=v`, `where[association][attr]=v`, `order=a,-b`,
 * `include=a,b`, `filter=a,b`, `per_page` and `offset`. The raw pairs are kept
 * as sent, since `links` repeat them.
 */
import type { QueryPair } from "../dataset/documents.js";
import { appendAll } from "../util/append.js";

export const OPERATORS = ["gt", "gte", "lt", "lte"] as const;
export type Operator = (typeof OPERATORS)[number];

export interface WhereClause {
  /** The raw key, for error messages (`where[birthdate][lte]`). */
  parameter: string;
  name: string;
  /** An operator, or the attribute of an associated record (`where[emails][address]`). */
  operator?: Operator;
  associationAttribute?: string;
  value: string;
}

export interface RequestQuery {
  pairs: QueryPair[];
  where: WhereClause[];
  order?: { parameter: string; value: string };
  include: string[];
  filter: string[];
  perPage?: string;
  offset?: string;
  /** Parameters the mock does not act on (`fields[Person]`, unknown ones), reported back to the client. */
  ignored: string[];
  /** A key with bad syntax (`where[a`). */
  malformed?: string;
}

const WHERE_KEY = /^where\[([^\][]+)\](?:\[([^\][]+)\])?$/;

/** `search` is the raw query string, without the leading `?`. */
export function parseQuery(search: string): RequestQuery {
  const query: RequestQuery = { pairs: [], where: [], include: [], filter: [], ignored: [] };
  for (const part of search.split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const rawKey = equals === -1 ? part : part.slice(0, equals);
    const rawValue = equals === -1 ? "" : part.slice(equals + 1);
    query.pairs.push([rawKey, rawValue]);
    const key = decode(rawKey);
    const value = decode(rawValue);
    if (key === undefined || value === undefined) {
      query.malformed ??= rawKey;
      continue;
    }
    read(query, key, value);
  }
  return query;
}

function read(query: RequestQuery, key: string, value: string): void {
  const where = WHERE_KEY.exec(key);
  if (where !== null) {
    const [, name, second] = where;
    const operator = OPERATORS.find((o) => o === second);
    query.where.push({
      parameter: key,
      name: name!,
      value,
      ...(operator !== undefined ? { operator } : second !== undefined ? { associationAttribute: second } : {}),
    });
    return;
  }
  if (key.startsWith("where")) query.malformed ??= key;
  else if (key === "order") query.order = { parameter: key, value };
  else if (key === "include") appendAll(query.include, list(value));
  else if (key === "filter") appendAll(query.filter, list(value));
  else if (key === "per_page") query.perPage = value;
  else if (key === "offset") query.offset = value;
  else query.ignored.push(key);
}

function list(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** Form decoding (`+` is a space); undefined for a broken escape. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

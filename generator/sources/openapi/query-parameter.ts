/**
 * What a query parameter of an official OpenAPI document is, by its name:
 * `where[name]`, `where[starts_at][gte]`, the relational `where[group][name]`,
 * `order`, `include`, `filter`, `fields[Type]`, `per_page` or `offset`.
 */

export const WHERE_OPERATORS = ["gt", "gte", "lt", "lte"] as const;

export type QueryParameterKind =
  | { kind: "where"; attribute: string; operator?: string }
  | { kind: "relational-where"; path: string[]; operator?: string }
  | { kind: "order" }
  | { kind: "include" }
  | { kind: "filter" }
  | { kind: "fields"; type: string }
  | { kind: "per_page" }
  | { kind: "offset" }
  | { kind: "other" };

export function classifyQueryParameter(name: string): QueryParameterKind {
  switch (name) {
    case "order":
    case "include":
    case "filter":
    case "per_page":
    case "offset":
      return { kind: name };
  }
  const fields = /^fields\[([^\][]+)\]$/.exec(name);
  if (fields !== null) return { kind: "fields", type: fields[1]! };
  const where = /^where((?:\[[^\][]+\])+)$/.exec(name);
  if (where === null) return { kind: "other" };
  const parts = [...where[1]!.matchAll(/\[([^\][]+)\]/g)].map((m) => m[1]!);
  const last = parts[parts.length - 1]!;
  const operator = parts.length > 1 && (WHERE_OPERATORS as readonly string[]).includes(last) ? last : undefined;
  const path = operator === undefined ? parts : parts.slice(0, -1);
  if (path.length === 1) return { kind: "where", attribute: path[0]!, ...(operator === undefined ? {} : { operator }) };
  return { kind: "relational-where", path, ...(operator === undefined ? {} : { operator }) };
}

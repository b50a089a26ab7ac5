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
  const head = name.indexOf("[");
  const parts = head === -1 ? undefined : bracketed(name, head);
  if (parts === undefined) return { kind: "other" };
  const word = name.slice(0, head);
  if (word === "fields") return parts.length === 1 ? { kind: "fields", type: parts[0]! } : { kind: "other" };
  if (word !== "where") return { kind: "other" };
  const last = parts[parts.length - 1]!;
  const operator = parts.length > 1 && (WHERE_OPERATORS as readonly string[]).includes(last) ? last : undefined;
  const path = operator === undefined ? parts : parts.slice(0, -1);
  if (path.length === 1) return { kind: "where", attribute: path[0]!, ...(operator === undefined ? {} : { operator }) };
  return { kind: "relational-where", path, ...(operator === undefined ? {} : { operator }) };
}

/**
 * `[a][b]` from `start` to the end of the name → `["a", "b"]`; `undefined` unless the
 * rest is nothing but non-empty bracketed words (read once per parameter, by hand:
 * a regular expression with a global match costs more than the rest of the reading).
 */
function bracketed(name: string, start: number): string[] | undefined {
  const parts: string[] = [];
  let at = start;
  while (at < name.length) {
    if (name[at] !== "[") return undefined;
    const close = name.indexOf("]", at + 1);
    if (close === -1 || close === at + 1) return undefined;
    const part = name.slice(at + 1, close);
    if (part.includes("[")) return undefined;
    parts.push(part);
    at = close + 1;
  }
  return parts;
}

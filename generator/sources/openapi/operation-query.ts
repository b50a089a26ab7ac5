/**
 * The query vocabulary of one operation, from its parameters: where (with
 * operators), relational where, order, include (nested paths apart), filter,
 * per_page and offset. `fields[Type]` needs no record (the fields of a type are
 * its attributes and relationships) but must name a known type.
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import type { Located } from "../../spec/draft.js";
import { pageSize, pageSizeNumbers } from "../../spec/per-page.js";
import type { Filter, PerPage, QueryParam } from "../../spec/types.js";
import { mapSchemaType } from "./attribute-type.js";
import { enumOf, isObject, member, originAt, pointerOf, unfollowedRef, unfollowedRefText, type Node } from "./openapi-node.js";
import type { OpenApiOperation } from "./operations.js";
import { classifyQueryParameter, type QueryParameterKind } from "./query-parameter.js";
import { appendAll } from "../../util/append.js";

export interface OperationQuery {
  where: Located<QueryParam>[];
  relationalWhere: Located<QueryParam>[];
  order: string[];
  include: string[];
  nestedInclude: string[];
  filters: Located<Filter>[];
  perPage?: PerPage;
  offset: boolean;
}

/** What one parameter says, read once however many operations share it. */
interface ParameterRead {
  name: string | undefined;
  place: string | undefined;
  origin: Origin;
  kind: ReturnType<typeof classifyQueryParameter>;
  values: string[];
  /** For a where parameter: the clause, one object shared by every operation that takes it. */
  where?: Located<QueryParam>;
  /** For a filter parameter: its filters, shared likewise. */
  filters: Located<Filter>[];
  /** For `per_page`: its bounds and default, where the schema gives all three and they make a page size. */
  perPage?: PerPage;
  /** A `$ref` that leads nowhere: reported once where it stands, and skipped by every operation that lists it. */
  unfollowed?: true;
}

/** Parameters read so far, by their object in the document: most are components shared by many operations. */
export type ParameterCache = WeakMap<object, ParameterRead>;

export function readQuery(
  op: OpenApiOperation,
  knownTypes: ReadonlyMap<string, unknown>,
  file: string,
  diagnostics: Diagnostic[],
  cache: ParameterCache,
): OperationQuery {
  const query: OperationQuery = { where: [], relationalWhere: [], order: [], include: [], nestedInclude: [], filters: [], offset: false };
  for (const node of op.parameters) {
    // A path parameter names the record its path addresses: nothing to read, and most are written inline, one object each.
    if (member(node.value, "in") === "path") continue;
    const parameter = readParameter(node, file, cache, diagnostics);
    if (parameter?.unfollowed) continue;
    if (parameter === undefined) {
      diagnostics.push(
        diagnostic("warning", "OPENAPI_UNMAPPED_PARAMETER", `${op.method} ${op.path}: a parameter that is not an object; skipped`, {
          file,
          pointer: pointerOf(node),
        }),
      );
      continue;
    }
    const { name, place, origin, kind, values } = parameter;
    if (name === undefined || place !== "query") {
      diagnostics.push(
        diagnostic(
          "warning",
          "OPENAPI_UNMAPPED_PARAMETER",
          `${op.method} ${op.path}: the ${place ?? "unplaced"} parameter ${name ?? "(unnamed)"} is not one the spec records; skipped`,
          origin,
        ),
      );
      continue;
    }
    switch (kind.kind) {
      case "where":
        query.where.push(parameter.where!);
        break;
      case "relational-where":
        query.relationalWhere.push(parameter.where!);
        break;
      case "order":
        appendAll(query.order, values);
        break;
      case "include":
        for (const value of values) (value.includes(".") ? query.nestedInclude : query.include).push(value);
        break;
      case "filter":
        appendAll(query.filters, parameter.filters);
        break;
      case "fields":
        if (!knownTypes.has(kind.type)) {
          diagnostics.push(
            diagnostic(
              "warning",
              "OPENAPI_UNKNOWN_FIELDS_TYPE",
              `${op.method} ${op.path}: fields[${kind.type}] names a type no <type>_resource schema describes`,
              origin,
            ),
          );
        }
        break;
      case "per_page":
        if (parameter.perPage !== undefined) query.perPage = parameter.perPage;
        break;
      case "offset":
        query.offset = true;
        break;
      case "other":
        diagnostics.push(
          diagnostic(
            "warning",
            "OPENAPI_UNMAPPED_PARAMETER",
            `${op.method} ${op.path}: the query parameter ${name} is not one the spec records; skipped`,
            origin,
          ),
        );
    }
  }
  return query;
}

/** A parameter, read (and any problem of its own reported) once, however many operations share it. */
function readParameter(
  node: Node,
  file: string,
  cache: WeakMap<object, ParameterRead>,
  diagnostics: Diagnostic[],
): ParameterRead | undefined {
  if (!isObject(node.value)) return undefined;
  const cached = cache.get(node.value);
  if (cached !== undefined) return cached;
  const read = parameterOf(node, file, diagnostics);
  cache.set(node.value, read);
  return read;
}

function parameterOf(node: Node, file: string, diagnostics: Diagnostic[]): ParameterRead {
  const value = node.value;
  const name = member(value, "name");
  const place = member(value, "in");
  const read: ParameterRead = {
    name: typeof name === "string" ? name : undefined,
    place: typeof place === "string" ? place : undefined,
    origin: originAt(file, node),
    kind: { kind: "other" },
    values: [],
    filters: [],
  };
  const ref = unfollowedRef(value);
  if (ref !== undefined) {
    const problem = `a parameter whose ${unfollowedRefText(ref)}; skipped by every operation that lists it`;
    diagnostics.push(diagnostic("warning", "OPENAPI_BAD_REF", problem, read.origin));
    return { ...read, unfollowed: true };
  }
  // Anything but a named query parameter is reported by the caller as one the spec does not record.
  if (read.place !== "query" || read.name === undefined) return read;
  const kind = classifyQueryParameter(read.name);
  const schema = member(value, "schema");
  read.kind = kind;
  switch (kind.kind) {
    case "where":
    case "relational-where":
      read.where = whereOf(kind, schema, member(value, "description"), read.origin);
      break;
    case "order":
      read.values = listedValues(schema).map((v) => (v.startsWith("-") ? v.slice(1) : v));
      break;
    case "include":
      read.values = listedValues(schema);
      break;
    case "filter":
      read.values = listedValues(schema);
      read.filters = read.values.map((filter) => ({ name: filter, origin: read.origin }));
      break;
    case "per_page": {
      const [min, max, fallback] = [member(schema, "minimum"), member(schema, "maximum"), member(schema, "default")];
      const perPage = pageSize(min, max, fallback);
      if (perPage !== undefined) read.perPage = perPage;
      else
        diagnostics.push(
          diagnostic(
            "warning",
            "OPENAPI_BAD_PER_PAGE",
            `per_page's schema gives ${pageSizeNumbers(min, max, fallback)}, not whole numbers with minimum ≤ default ≤ maximum; the page size is left out`,
            read.origin,
          ),
        );
      break;
    }
  }
  return read;
}

/** The names an order, include or filter parameter lists: its schema's enum, or its items'. */
const listedValues = (schema: unknown): string[] => [...enumOf(schema), ...enumOf(member(schema, "items"))];

function whereOf(
  kind: Extract<QueryParameterKind, { kind: "where" | "relational-where" }>,
  schema: unknown,
  description: unknown,
  origin: Origin,
): Located<QueryParam> {
  const clause: Located<QueryParam> = {
    name: kind.kind === "where" ? kind.attribute : kind.path.join("."),
    type: mapSchemaType(isObject(schema) ? schema : {}).type,
  };
  // An operator's parameter repeats the clause's description; the clause keeps the plain one's.
  const text = kind.operator === undefined && typeof description === "string" ? description.trim() : "";
  if (text !== "") clause.description = text;
  if (kind.operator !== undefined) clause.operators = [kind.operator];
  clause.origin = origin;
  return clause;
}

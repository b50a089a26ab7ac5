/**
 * The query vocabulary of one operation, from its parameters: where (with
 * operators), relational where, order, include (nested paths apart), filter,
 * per_page and offset. `fields[Type]` needs no record (the fields of a type are
 * its attributes and relationships) but must name a known type.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { Located } from "../../spec/draft.js";
import type { Filter, PerPage, QueryParam } from "../../spec/types.js";
import { mapSchemaType } from "./attribute-type.js";
import { child, enumValues, isObject, pointerOf, text, type Node } from "./openapi-node.js";
import type { OpenApiOperation } from "./operations.js";
import { classifyQueryParameter } from "./query-parameter.js";

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
  origin: { file: string; pointer: string };
  kind: ReturnType<typeof classifyQueryParameter>;
  values: string[];
  schema: Node;
  /** For a where parameter: the clause, one object shared by every operation that takes it. */
  where?: Located<QueryParam>;
  /** For a filter parameter: its filters, shared likewise. */
  filters: Located<Filter>[];
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
    const parameter = readParameter(node, file, cache);
    if (parameter === undefined) {
      diagnostics.push(
        diagnostic("warning", "OPENAPI_UNMAPPED_PARAMETER", `${op.method} ${op.path}: a parameter that is not an object; skipped`, {
          file,
          pointer: pointerOf(node),
        }),
      );
      continue;
    }
    const { name, place, origin, kind, values, schema } = parameter;
    if (place === "path") continue;
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
        query.order.push(...values);
        break;
      case "include":
        for (const value of values) (value.includes(".") ? query.nestedInclude : query.include).push(value);
        break;
      case "filter":
        query.filters.push(...parameter.filters);
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
      case "per_page": {
        const [min, max, fallback] = ["minimum", "maximum", "default"].map((key) => child(schema, key).value);
        if (typeof min === "number" && typeof max === "number" && typeof fallback === "number")
          query.perPage = { min, max, default: fallback };
        break;
      }
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

function readParameter(node: Node, file: string, cache: WeakMap<object, ParameterRead>): ParameterRead | undefined {
  if (!isObject(node.value)) return undefined;
  const cached = cache.get(node.value);
  if (cached !== undefined) return cached;
  const name = text(child(node, "name"));
  const schema = child(node, "schema");
  const kind = name === undefined ? ({ kind: "other" } as const) : classifyQueryParameter(name);
  const origin = { file, pointer: pointerOf(node) };
  const values = [...enumValues(schema), ...enumValues(child(schema, "items"))];
  const description = text(child(node, "description"))?.trim();
  const where =
    kind.kind === "where" || kind.kind === "relational-where"
      ? {
          name: kind.kind === "where" ? kind.attribute : kind.path.join("."),
          type: mapSchemaType(isObject(schema.value) ? schema.value : {}).type,
          ...(kind.operator === undefined && description ? { description } : {}),
          ...(kind.operator === undefined ? {} : { operators: [kind.operator] }),
          origin,
        }
      : undefined;
  const read: ParameterRead = {
    name,
    place: text(child(node, "in")),
    origin,
    kind,
    values: kind.kind === "order" ? values.map((v) => v.replace(/^-/, "")) : values,
    schema,
    ...(where === undefined ? {} : { where }),
    filters: kind.kind === "filter" ? values.map((value) => ({ name: value, origin })) : [],
  };
  cache.set(node.value, read);
  return read;
}

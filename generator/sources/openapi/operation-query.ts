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
import { child, enumValues, isObject, pointerOf, text } from "./openapi-node.js";
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

export function readQuery(op: OpenApiOperation, knownTypes: ReadonlyMap<string, unknown>, file: string, diagnostics: Diagnostic[]): OperationQuery {
  const query: OperationQuery = { where: [], relationalWhere: [], order: [], include: [], nestedInclude: [], filters: [], offset: false };
  for (const parameter of op.parameters) {
    const name = text(child(parameter, "name"));
    const place = text(child(parameter, "in"));
    const origin = { file, pointer: pointerOf(parameter) };
    if (place === "path") continue;
    if (name === undefined || place !== "query") {
      diagnostics.push(diagnostic("warning", "OPENAPI_UNMAPPED_PARAMETER", `${op.method} ${op.path}: the ${place ?? "unplaced"} parameter ${name ?? "(unnamed)"} is not one the spec records; skipped`, origin));
      continue;
    }
    const schema = child(parameter, "schema");
    const values = [...enumValues(schema), ...enumValues(child(schema, "items"))];
    const kind = classifyQueryParameter(name);
    switch (kind.kind) {
      case "where":
      case "relational-where": {
        const whereName = kind.kind === "where" ? kind.attribute : kind.path.join(".");
        const description = text(child(parameter, "description"))?.trim();
        const param: Located<QueryParam> = {
          name: whereName,
          type: mapSchemaType(isObject(schema.value) ? schema.value : {}).type,
          ...(kind.operator === undefined && description ? { description } : {}),
          ...(kind.operator === undefined ? {} : { operators: [kind.operator] }),
          origin,
        };
        (kind.kind === "where" ? query.where : query.relationalWhere).push(param);
        break;
      }
      case "order":
        query.order.push(...values.map((v) => v.replace(/^-/, "")));
        break;
      case "include":
        for (const value of values) (value.includes(".") ? query.nestedInclude : query.include).push(value);
        break;
      case "filter":
        query.filters.push(...values.map((value) => ({ name: value, origin })));
        break;
      case "fields":
        if (!knownTypes.has(kind.type)) {
          diagnostics.push(diagnostic("warning", "OPENAPI_UNKNOWN_FIELDS_TYPE", `${op.method} ${op.path}: fields[${kind.type}] names a type no <type>_resource schema describes`, origin));
        }
        break;
      case "per_page": {
        const [min, max, fallback] = ["minimum", "maximum", "default"].map((key) => child(schema, key).value);
        if (typeof min === "number" && typeof max === "number" && typeof fallback === "number") query.perPage = { min, max, default: fallback };
        break;
      }
      case "offset":
        query.offset = true;
        break;
      case "other":
        diagnostics.push(diagnostic("warning", "OPENAPI_UNMAPPED_PARAMETER", `${op.method} ${op.path}: the query parameter ${name} is not one the spec records; skipped`, origin));
    }
  }
  return query;
}


/**
 * One OpenAPI operation from the spec items at its method and path. The first
 * item (an endpoint before an association before an action) decides what the
 * operation returns and how it is named; the others add their filters and
 * their words.
 */
import { sortedBy } from "../../util/order.js";
import type { Filter } from "../../spec/types.js";
import type { AppContext, DocumentContext } from "./context.js";
import { tagOf } from "./context.js";
import { docsExample } from "./docs-example.js";
import { jsonApiSchema } from "./json-api-schemas.js";
import { JSON_API, type Operation, type Parameter, type Reference, type RequestBody, type SecurityRequirement } from "./model.js";
import { resultOf, type OperationResult } from "./result-kind.js";
import { descriptionOf, summaryOf } from "./summary.js";
import { nameOf, type OperationSource, type PlannedOperation } from "./plan.js";
import { collectionParameters, recordParameters } from "./parameters.js";
import { requestBodySchema } from "./request-schemas.js";
import { operationResponses } from "./responses.js";

export interface OperationOptions {
  /** The app of the operation's leading item. */
  app: AppContext;
  /** From the method and path, made unique by the caller where two URLs would give the same one. */
  operationId: string;
  /** Set on the operation itself, where a document spans apps with different scopes. */
  security?: SecurityRequirement[];
}

export function buildOperation(ctx: DocumentContext, planned: PlannedOperation, options: OperationOptions): Operation {
  const { app } = options;
  const primary = planned.sources[0]!;
  const result = resultOf(primary);
  const deprecated = planned.sources.every(isDeprecated);
  const canRun = planned.sources.map(canRunOf).find((t) => t !== undefined);
  return {
    operationId: options.operationId,
    summary: summaryOf(planned),
    description: descriptionOf(planned),
    tags: [tagOf(app, primary.resource.type)],
    ...(deprecated ? { deprecated: true } : {}),
    ...(options.security === undefined ? {} : { security: options.security }),
    ...optionalList("parameters", planned.method === "GET" ? queryParameters(ctx, app, result, filtersOf(planned)) : []),
    ...(requestBodyOf(ctx, app, planned) ?? {}),
    responses: operationResponses(ctx, app, planned, result),
    "x-pco-sources": planned.sources.map((s) => ({ kind: s.item.kind, resource: s.resource.type, name: nameOf(s.item) })),
    ...(canRun === undefined ? {} : { "x-pco-can-run": canRun }),
  };
}

function filtersOf(planned: PlannedOperation): Filter[] {
  const byName = new Map<string, Filter>();
  for (const source of planned.sources) {
    const { item } = source;
    const filters = item.kind === "endpoint" ? (item.endpoint.filters ?? []) : item.kind === "association" ? item.association.filters : [];
    for (const filter of filters) {
      const known = byName.get(filter.name);
      if (known === undefined || (known.description === undefined && filter.description !== undefined)) byName.set(filter.name, filter);
    }
  }
  return sortedBy([...byName.values()], (f) => f.name);
}

function queryParameters(ctx: DocumentContext, app: AppContext, result: OperationResult, filters: Filter[]): (Parameter | Reference)[] {
  if (result.kind === "collection") return collectionParameters(ctx, app, result.type, filters);
  if (result.kind === "record") return recordParameters(ctx, app, result.type);
  return [];
}

function requestBodyOf(ctx: DocumentContext, app: AppContext, planned: PlannedOperation): { requestBody: RequestBody } | undefined {
  const { item, resource } = planned.sources[0]!;
  if (item.kind === "endpoint" && (item.endpoint.operation === "create" || item.endpoint.operation === "update")) {
    const write = item.endpoint.operation;
    return {
      requestBody: {
        description: `The ${write === "create" ? "new" : "changed"} ${resource.type}: only its assignable attributes.`,
        required: true,
        content: { [JSON_API]: { schema: requestBodySchema(ctx, app, resource, write) } },
      },
    };
  }
  if (item.kind === "action") {
    const example = planned.sources
      .map((s) => (s.item.kind === "action" ? docsExample(s.item.action.exampleBody) : undefined))
      .find((e) => e !== undefined);
    return {
      requestBody: {
        description: "What the action takes, if anything, as its description says.",
        required: false,
        content: { [JSON_API]: { schema: jsonApiSchema(ctx, "ActionRequest"), ...(example === undefined ? {} : { example }) } },
      },
    };
  }
  return undefined;
}

function isDeprecated(source: OperationSource): boolean {
  const { item } = source;
  if (source.resource.deprecated) return true;
  if (item.kind === "association") return item.association.deprecated === true;
  if (item.kind === "action") return item.action.deprecated === true;
  return false;
}

function canRunOf(source: OperationSource): string | undefined {
  return source.item.kind === "action" ? source.item.action.canRun : undefined;
}

function optionalList<K extends string, T>(key: K, items: T[]): { [P in K]?: T[] } {
  return items.length === 0 ? {} : ({ [key]: items } as { [P in K]: T[] });
}

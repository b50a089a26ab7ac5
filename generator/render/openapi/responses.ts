/**
 * Responses. Every response carries the rate-limit headers the docs name;
 * errors carry the JSON:API error document, and a 429 says in `Retry-After`
 * how long to wait. Status codes and their causes are the docs' (the Slate
 * site's "Errors" and "Rate limiting" sections, and the actions'
 * `unprocessable_entity`).
 */
import type { AppContext, DocumentContext } from "./context.js";
import { jsonApiSchema } from "./json-api-schemas.js";
import { JSON_API, type Reference, type Response } from "./model.js";
import { pluralWords } from "./naming.js";
import type { OperationResult } from "./result-kind.js";
import type { OperationSource, PlannedOperation } from "./plan.js";
import { documentSchema } from "./resource-schemas.js";

type ErrorStatus = "401" | "403" | "404" | "422" | "429";

const ERRORS: Record<ErrorStatus, { key: string; description: string }> = {
  "401": { key: "Unauthorized", description: "Unauthorized: the credentials are missing or wrong." },
  "403": { key: "Forbidden", description: "Forbidden: the user may not read or change this resource." },
  "404": { key: "NotFound", description: "Not found: no such URL or record." },
  "422": { key: "UnprocessableEntity", description: "Unprocessable: the request was understood but cannot be carried out." },
  "429": { key: "TooManyRequests", description: "Too many requests: the rate limit is exceeded; retry after `Retry-After` seconds." },
};

/**
 * An operation's responses: its success, then 401, 403 and 429 for every
 * operation, 404 where the URL names a record, 422 where a body is sent.
 */
export function operationResponses(
  ctx: DocumentContext,
  app: AppContext,
  planned: PlannedOperation,
  result: OperationResult,
): Record<string, Response | Reference> {
  const sends = planned.method === "POST" || planned.method === "PATCH";
  const errors: ErrorStatus[] = [
    "401",
    "403",
    ...(planned.path.includes("{") ? (["404"] as const) : []),
    ...(sends ? (["422"] as const) : []),
    "429",
  ];
  // Filled in place: the keys are status codes, which V8 keeps as array indices, slow to spread into new objects.
  const responses = successResponses(ctx, app, planned.sources[0]!, result);
  for (const status of errors) responses[status] = errorResponse(ctx, status);
  return responses;
}

function successResponses(
  ctx: DocumentContext,
  app: AppContext,
  primary: OperationSource,
  result: OperationResult,
): Record<string, Response | Reference> {
  switch (result.kind) {
    case "collection":
      return { "200": sharedResponse(ctx, app, result.type, "collection", () => documentSchema(ctx, app, result.type, "collection")) };
    case "record": {
      const part = result.status === "201" ? "created" : "document";
      return { [result.status]: sharedResponse(ctx, app, result.type, part, () => documentSchema(ctx, app, result.type, "document")) };
    }
    case "none":
      return { "204": noContent(ctx) };
    case "action":
      return actionResponses(ctx, primary);
  }
}

const RESPONSE_WORDS = {
  collection: (type: string) => `A page of ${pluralWords(type)}.`,
  document: (type: string) => `The ${type}.`,
  created: (type: string) => `The new ${type}.`,
};

/**
 * Success responses are components, so that an operation refers to one
 * instead of repeating its headers: `Person.collection`, `Person.document`,
 * `Person.created`, or `JsonApi.*` for a type the spec does not describe.
 */
function sharedResponse(
  ctx: DocumentContext,
  app: AppContext,
  type: string,
  part: keyof typeof RESPONSE_WORDS,
  schema: () => Reference,
): Reference {
  const known = app.resource(type) !== undefined;
  return ctx.components.use(
    "responses",
    known ? `${app.id} ${type} ${part}` : `JsonApi ${part}`,
    known ? { prefix: app.prefix, name: `${type}.${part}` } : `JsonApi.${part}`,
    () => successResponse(ctx, RESPONSE_WORDS[part](known ? type : "record"), schema()),
  );
}

/** The docs say what an action returns in words, if at all: "No content", or what the document holds. */
function actionResponses(ctx: DocumentContext, source: OperationSource): Record<string, Response | Reference> {
  const returnType = source.item.kind === "action" ? source.item.action.returnType : undefined;
  if (returnType === undefined) {
    return {
      "2XX": ctx.components.use("responses", "ActionDone", "ActionDone", () =>
        successResponse(ctx, "Success. The docs do not say what this action returns."),
      ),
    };
  }
  if (/^no content\.?$/i.test(returnType.trim())) return { "204": noContent(ctx) };
  return { "200": successResponse(ctx, returnType, jsonApiSchema(ctx, "Document")) };
}

function noContent(ctx: DocumentContext): Reference {
  return ctx.components.use("responses", "NoContent", "NoContent", () => successResponse(ctx, "Done; no content."));
}

/** The headers of every response: the rate limit, the period and the count so far. */
function rateLimitHeaders(ctx: DocumentContext): Record<string, Reference> {
  const limit = ctx.facts.rateLimit;
  if (limit === undefined) return {};
  const { headers } = limit;
  return {
    [headers.limit]: header(
      ctx,
      headers.limit,
      `The most requests allowed in a period: usually ${limit.limit} per ${limit.periodSeconds} seconds, subject to change.`,
    ),
    [headers.period]: header(ctx, headers.period, `The period of the limit, in seconds (usually ${limit.periodSeconds}).`),
    [headers.count]: header(ctx, headers.count, "Requests made in the current period."),
  };
}

function header(ctx: DocumentContext, name: string, description: string): Reference {
  return ctx.components.use("headers", name, name, () => ({ description, schema: { type: "integer" } }));
}

/** A success response; `schema` absent for one without a body. */
function successResponse(ctx: DocumentContext, description: string, schema?: Reference): Response {
  const headers = rateLimitHeaders(ctx);
  return {
    description,
    ...(Object.keys(headers).length === 0 ? {} : { headers }),
    ...(schema === undefined ? {} : { content: { [JSON_API]: { schema } } }),
  };
}

function errorResponse(ctx: DocumentContext, status: ErrorStatus): Reference {
  const { key, description } = ERRORS[status];
  return ctx.components.use("responses", key, key, () => {
    const headers = rateLimitHeaders(ctx);
    const retryAfter = ctx.facts.rateLimit?.headers.retryAfter;
    if (status === "429" && retryAfter !== undefined) {
      headers[retryAfter] = ctx.components.use("headers", retryAfter, retryAfter, () => ({
        description: "Seconds to wait before retrying.",
        schema: { type: "integer" },
      }));
    }
    return {
      description,
      ...(Object.keys(headers).length === 0 ? {} : { headers }),
      content: { [JSON_API]: { schema: jsonApiSchema(ctx, "ErrorDocument") } },
    };
  });
}

// Copied by `npm run generate` from templates/runtime/webhooks.ts. Do not edit.
/**
 * Webhook deliveries: the signature checked, then the envelope read.
 *
 * PCO signs each delivery with the subscription's `authenticity_secret`: the
 * `X-PCO-Webhooks-Authenticity` header is `hmac_sha256(authenticity_secret,
 * webhook_body)`, in hex. It is checked over the raw bytes as received (a
 * body parsed and serialized again no longer matches) with Web Crypto's HMAC
 * `verify`, which compares in constant time and runs in Node, browsers and
 * edge runtimes alike.
 *
 * The body is a JSON:API document of `EventDelivery` records; each one's
 * `attributes.payload` is a JSON string holding the changed record as a
 * JSON:API document (a `destroyed` event's record has no attributes). Every
 * failure is a WebhookError whose `reason` says what failed; no message holds
 * the secret or the signature.
 */
import { isObject } from "./errors.js";
import { documentProblem } from "./document-shape.js";
import type { AnyResource, Document, Resource } from "./types.js";

/** The header PCO signs each delivery with. */
export const AUTHENTICITY_HEADER = "x-pco-webhooks-authenticity";

export type WebhookFailure =
  "missing_signature" | "bad_signature" | "malformed_body" | "body_too_large";

export class WebhookError extends Error {
  constructor(
    readonly reason: WebhookFailure,
    message: string,
  ) {
    super(`webhook delivery refused: ${message}`);
    this.name = "WebhookError";
  }
}

/** What event names end with: the change the event reports. */
export type WebhookAction = "created" | "updated" | "destroyed";

interface EventBase<Type extends string> {
  /** The event's id: a redelivery of the same event has the same one. */
  id: string;
  /** The full event name, `people.v2.events.person.created`. */
  name: string;
  /** 1 for the first delivery, then one more for each retry. */
  attempt: number;
  /** The changed record's JSON:API type. */
  type: Type;
  /** True when `seen` (see VerifyOptions) had this event id already: deliver it once. */
  duplicate: boolean;
}

/** A created or updated record: the whole record, as the API returns it. */
export interface ChangedEvent<Type extends string, R> extends EventBase<Type> {
  action: "created" | "updated";
  data: R;
  payload: Document<R>;
}

/** A destroyed record: only its type and id. */
export interface DestroyedEvent<Type extends string> extends EventBase<Type> {
  action: "destroyed";
  data: { type: Type; id: string };
  payload: Document<{ type: Type; id: string }>;
}

/**
 * One event, typed by its record's type: `Types` maps JSON:API type names to
 * record types (a generated client's `ResourceTypes`), so that checking
 * `event.type === "Person"` makes `event.data` a Person.
 */
export type WebhookEvent<Types extends object = { [type: string]: AnyResource }> = {
  [Type in keyof Types & string]: ChangedEvent<Type, Types[Type]> | DestroyedEvent<Type>;
}[keyof Types & string];

/** Headers as Fetch (`Headers`) or Node's `http` (`IncomingHttpHeaders`) give them. */
export type WebhookHeaders = Headers | { [name: string]: string | readonly string[] | undefined };

/** The body exactly as received. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** Event ids already handled, for deduplication; see `recentEventIds`. */
export interface SeenEvents {
  /** True if `id` was seen before; records it either way. */
  check(id: string): boolean;
}

export interface VerifyOptions {
  /** Marks events already delivered as `duplicate` (PCO retries a delivery that was not answered 200). */
  seen?: SeenEvents;
  /** The largest body accepted, in bytes (5 MiB by default). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Checks a delivery's signature, then reads its events. Rejects with a
 * WebhookError when the header is missing, the signature does not match the
 * body and secret, or the body is not an EventDelivery document.
 */
export async function verifyWebhook<Types extends object = { [type: string]: AnyResource }>(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyOptions = {},
): Promise<WebhookEvent<Types>[]> {
  const bytes =
    typeof rawBody === "string" ? new TextEncoder().encode(rawBody) : new Uint8Array(rawBody);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes)
    throw new WebhookError("body_too_large", `the body is larger than ${maxBytes} bytes`);
  const signature = headerValue(headers, AUTHENTICITY_HEADER);
  if (signature === undefined)
    throw new WebhookError("missing_signature", `no ${AUTHENTICITY_HEADER} header`);
  if (!(await signatureMatches(bytes, signature, secret)))
    throw new WebhookError(
      "bad_signature",
      `the ${AUTHENTICITY_HEADER} signature does not match the body and secret`,
    );
  return eventsOf(new TextDecoder().decode(bytes), options.seen) as WebhookEvent<Types>[];
}

/** Remembers the last `max` event ids (10 000 by default): enough for PCO's retries of a few days. */
export function recentEventIds(max = 10_000): SeenEvents {
  const ids = new Set<string>();
  return {
    check(id) {
      if (ids.has(id)) return true;
      ids.add(id);
      // A Set iterates in insertion order: its first entry is the oldest.
      if (ids.size > max) ids.delete(ids.values().next().value!);
      return false;
    },
  };
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function")
    return (headers as Headers).get(name) ?? undefined;
  const plain = headers as { [name: string]: string | readonly string[] | undefined };
  for (const key of Object.keys(plain)) {
    if (key.toLowerCase() !== name) continue;
    const value = plain[key];
    // Two signatures are one too many: nothing says which one to believe.
    return typeof value === "string" ? value : value?.length === 1 ? value[0] : undefined;
  }
  return undefined;
}

async function signatureMatches(
  body: Uint8Array,
  signature: string,
  secret: string,
): Promise<boolean> {
  const hex = signature.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  const expected = new Uint8Array(32);
  for (let i = 0; i < 32; i++) expected[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  // A copy on an ArrayBuffer of its own: Web Crypto takes no view of a SharedArrayBuffer.
  const message = new Uint8Array(body.byteLength);
  message.set(body);
  return crypto.subtle.verify("HMAC", key, expected, message);
}

function eventsOf(text: string, seen: SeenEvents | undefined): WebhookEvent[] {
  const malformed = (why: string) => new WebhookError("malformed_body", why);
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    throw malformed("the body is not JSON");
  }
  const shape = documentProblem(envelope);
  if (shape || !isObject(envelope)) throw malformed(shape ?? "the body is empty");
  const deliveries = Array.isArray(envelope.data) ? envelope.data : [envelope.data];
  return deliveries.map((delivery: Resource, i) => {
    const at = `/data/${i}`;
    if (delivery.type !== "EventDelivery") throw malformed(`${at}/type is not EventDelivery`);
    const attributes = delivery.attributes as { [name: string]: unknown } | undefined;
    const name = attributes?.name;
    const attempt = attributes?.attempt;
    const payloadText = attributes?.payload;
    if (typeof name !== "string") throw malformed(`${at}/attributes/name is not a string`);
    if (typeof payloadText !== "string")
      throw malformed(`${at}/attributes/payload is not a string`);
    let payload: unknown;
    try {
      payload = JSON.parse(payloadText);
    } catch {
      throw malformed(`${at}/attributes/payload is not JSON`);
    }
    const problem = documentProblem(payload);
    if (problem || !isObject(payload) || !isObject(payload.data))
      throw malformed(`${at}/attributes/payload: ${problem ?? "no record in /data"}`);
    const data = payload.data as unknown as Resource;
    const action = name.slice(name.lastIndexOf(".") + 1);
    return {
      id: delivery.id,
      name,
      attempt: typeof attempt === "number" ? attempt : 1,
      type: data.type,
      action,
      data,
      payload: {
        data,
        included: Array.isArray(payload.included) ? payload.included : [],
        meta: isObject(payload.meta) ? payload.meta : {},
        links: isObject(payload.links) ? payload.links : {},
      },
      duplicate: seen?.check(delivery.id) ?? false,
    } as WebhookEvent;
  });
}

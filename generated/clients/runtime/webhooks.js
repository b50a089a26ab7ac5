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
/** The header PCO signs each delivery with. */
export const AUTHENTICITY_HEADER = "x-pco-webhooks-authenticity";
export class WebhookError extends Error {
    reason;
    constructor(reason, message) {
        super(`webhook delivery refused: ${message}`);
        this.reason = reason;
        this.name = "WebhookError";
    }
}
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/**
 * Checks a delivery's signature, then reads its events. Rejects with a
 * WebhookError when the header is missing, the signature does not match the
 * body and secret, or the body is not an EventDelivery document.
 */
export async function verifyWebhook(rawBody, headers, secret, options = {}) {
    const bytes = typeof rawBody === "string" ? new TextEncoder().encode(rawBody) : new Uint8Array(rawBody);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.byteLength > maxBytes)
        throw new WebhookError("body_too_large", `the body is larger than ${maxBytes} bytes`);
    const signature = headerValue(headers, AUTHENTICITY_HEADER);
    if (signature === undefined)
        throw new WebhookError("missing_signature", `no ${AUTHENTICITY_HEADER} header`);
    if (!(await signatureMatches(bytes, signature, secret)))
        throw new WebhookError("bad_signature", `the ${AUTHENTICITY_HEADER} signature does not match the body and secret`);
    return eventsOf(new TextDecoder().decode(bytes), options.seen);
}
/** Remembers the last `max` event ids (10 000 by default): enough for PCO's retries of a few days. */
export function recentEventIds(max = 10_000) {
    const ids = new Set();
    return {
        check(id) {
            if (ids.has(id))
                return true;
            ids.add(id);
            // A Set iterates in insertion order: its first entry is the oldest.
            if (ids.size > max)
                ids.delete(ids.values().next().value);
            return false;
        },
    };
}
function headerValue(headers, name) {
    if (typeof headers.get === "function")
        return headers.get(name) ?? undefined;
    const plain = headers;
    for (const key of Object.keys(plain)) {
        if (key.toLowerCase() !== name)
            continue;
        const value = plain[key];
        // Two signatures are one too many: nothing says which one to believe.
        return typeof value === "string" ? value : value?.length === 1 ? value[0] : undefined;
    }
    return undefined;
}
async function signatureMatches(body, signature, secret) {
    const hex = signature.trim();
    if (!/^[0-9a-f]{64}$/i.test(hex))
        return false;
    const expected = new Uint8Array(32);
    for (let i = 0; i < 32; i++)
        expected[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    // A copy on an ArrayBuffer of its own: Web Crypto takes no view of a SharedArrayBuffer.
    const message = new Uint8Array(body.byteLength);
    message.set(body);
    return crypto.subtle.verify("HMAC", key, expected, message);
}
function eventsOf(text, seen) {
    const malformed = (why) => new WebhookError("malformed_body", why);
    let envelope;
    try {
        envelope = JSON.parse(text);
    }
    catch {
        throw malformed("the body is not JSON");
    }
    const shape = documentProblem(envelope);
    if (shape || !isObject(envelope))
        throw malformed(shape ?? "the body is empty");
    const deliveries = Array.isArray(envelope.data) ? envelope.data : [envelope.data];
    return deliveries.map((delivery, i) => {
        const at = `/data/${i}`;
        if (delivery.type !== "EventDelivery")
            throw malformed(`${at}/type is not EventDelivery`);
        const attributes = delivery.attributes;
        const name = attributes?.name;
        const attempt = attributes?.attempt;
        const payloadText = attributes?.payload;
        if (typeof name !== "string")
            throw malformed(`${at}/attributes/name is not a string`);
        if (typeof payloadText !== "string")
            throw malformed(`${at}/attributes/payload is not a string`);
        let payload;
        try {
            payload = JSON.parse(payloadText);
        }
        catch {
            throw malformed(`${at}/attributes/payload is not JSON`);
        }
        const problem = documentProblem(payload);
        if (problem || !isObject(payload) || !isObject(payload.data))
            throw malformed(`${at}/attributes/payload: ${problem ?? "no record in /data"}`);
        const data = payload.data;
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
        };
    });
}

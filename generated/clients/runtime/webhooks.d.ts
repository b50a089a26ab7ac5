import type { AnyResource, Document } from "./types.js";
/** The header PCO signs each delivery with. */
export declare const AUTHENTICITY_HEADER = "x-pco-webhooks-authenticity";
export type WebhookFailure = "missing_signature" | "bad_signature" | "malformed_body" | "body_too_large";
export declare class WebhookError extends Error {
    readonly reason: WebhookFailure;
    constructor(reason: WebhookFailure, message: string);
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
    data: {
        type: Type;
        id: string;
    };
    payload: Document<{
        type: Type;
        id: string;
    }>;
}
/**
 * One event, typed by its record's type: `Types` maps JSON:API type names to
 * record types (a generated client's `ResourceTypes`), so that checking
 * `event.type === "Person"` makes `event.data` a Person.
 */
export type WebhookEvent<Types extends object = {
    [type: string]: AnyResource;
}> = {
    [Type in keyof Types & string]: ChangedEvent<Type, Types[Type]> | DestroyedEvent<Type>;
}[keyof Types & string];
/** Headers as Fetch (`Headers`) or Node's `http` (`IncomingHttpHeaders`) give them. */
export type WebhookHeaders = Headers | {
    [name: string]: string | readonly string[] | undefined;
};
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
/**
 * Checks a delivery's signature, then reads its events. Rejects with a
 * WebhookError when the header is missing, the signature does not match the
 * body and secret, or the body is not an EventDelivery document.
 */
export declare function verifyWebhook<Types extends object = {
    [type: string]: AnyResource;
}>(rawBody: RawBody, headers: WebhookHeaders, secret: string, options?: VerifyOptions): Promise<WebhookEvent<Types>[]>;
/** Remembers the last `max` event ids (10 000 by default): enough for PCO's retries of a few days. */
export declare function recentEventIds(max?: number): SeenEvents;
export {};

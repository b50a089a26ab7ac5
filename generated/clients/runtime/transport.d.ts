import { PcoError } from "./errors.js";
import type { ApiDefaults, ClientOptions } from "./options.js";
import type { CallOptions } from "./types.js";
export interface SendOptions extends CallOptions {
    json?: unknown;
    form?: FormData;
}
export interface Transport {
    /** The URL of an API path (a path the generated code built, never one from an answer). */
    url(path: string, query?: URLSearchParams): string;
    /**
     * The URL of a link an answer gave, resolved against the page it came from,
     * without its fragment; refused unless it is on the API's origin.
     */
    follow(link: string, method: string, from: string): string;
    /** Sends a request; resolves with the parsed JSON answer (null when empty). */
    send(method: string, url: string, options?: SendOptions): Promise<unknown>;
    /** A PcoError for a call, its message redacted. */
    fail(message: string, method: string, path: string): PcoError;
    uploadUrl: string;
}
/** The SDK's own User-Agent, unless the caller names another. */
export declare const USER_AGENT = "pco-codegen-client";
export declare function createTransport(api: ApiDefaults, options: ClientOptions): Transport;

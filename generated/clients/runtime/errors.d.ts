/** The one error type a client throws, whatever went wrong. */
import { type Redact } from "./redact.js";
/** A JSON:API error object, as the API sends it in `errors`. */
export interface ErrorObject {
    id?: string;
    status?: string;
    code?: string;
    title?: string;
    detail?: string;
    source?: {
        pointer?: string;
        parameter?: string;
        header?: string;
    };
    meta?: {
        [key: string]: unknown;
    };
}
export interface PcoErrorInit {
    status: number;
    method: string;
    path: string;
    errors?: ErrorObject[];
    cause?: unknown;
}
/**
 * A failed call. `status` is the HTTP status, or 0 when there was no answer
 * (network error, timeout, a refused link or id). Messages name the method and
 * the path, never a header or a credential.
 */
export declare class PcoError extends Error {
    readonly status: number;
    readonly method: string;
    /** The URL path of the call (without its query). */
    readonly path: string;
    /** Every error object of the answer. */
    readonly errors: ErrorObject[];
    /** From the first error object. */
    readonly code: string | undefined;
    readonly title: string | undefined;
    readonly detail: string | undefined;
    readonly source: ErrorObject["source"];
    constructor(message: string, init: PcoErrorInit);
}
/**
 * The error for an answer that is not a success, from its JSON:API `errors`,
 * every string of them redacted (an answer may echo the credentials sent).
 */
export declare function answerError(status: number, body: unknown, method: string, path: string, redact: Redact): PcoError;
export declare function isObject(value: unknown): value is {
    [key: string]: unknown;
};

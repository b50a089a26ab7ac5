// Copied by `npm run generate` from templates/runtime/errors.ts. Do not edit.
/** The one error type a client throws, whatever went wrong. */
import { redactDeep } from "./redact.js";
/**
 * A failed call. `status` is the HTTP status, or 0 when there was no answer
 * (network error, timeout, a refused link or id). Messages name the method and
 * the path, never a header or a credential.
 */
export class PcoError extends Error {
    status;
    method;
    /** The URL path of the call (without its query). */
    path;
    /** Every error object of the answer. */
    errors;
    /** From the first error object. */
    code;
    title;
    detail;
    source;
    constructor(message, init) {
        super(`${init.method} ${init.path}: ${message}`, init.cause === undefined ? undefined : { cause: init.cause });
        this.name = "PcoError";
        this.status = init.status;
        this.method = init.method;
        this.path = init.path;
        this.errors = init.errors ?? [];
        const first = this.errors[0];
        this.code = first?.code;
        this.title = first?.title;
        this.detail = first?.detail;
        this.source = first?.source;
    }
}
/**
 * The error for an answer that is not a success, from its JSON:API `errors`,
 * every string of them redacted (an answer may echo the credentials sent).
 */
export function answerError(status, body, method, path, redact) {
    const listed = isObject(body) && Array.isArray(body.errors) ? body.errors : [];
    const errors = listed.filter(isObject).map((error) => redactDeep(error, redact));
    const first = errors[0];
    const summary = [first?.title, first?.detail]
        .filter((s) => typeof s === "string" && s !== "")
        .join(": ");
    return new PcoError(summary === "" ? `answered ${status}` : `answered ${status}: ${summary}`, {
        status,
        method,
        path,
        errors,
    });
}
export function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

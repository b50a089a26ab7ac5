/**
 * Credentials never reach a message: an error answer may echo the request's
 * Authorization header (or a token) in its `title` or `detail`, and whatever
 * a PcoError carries ends up in logs. Every text a PcoError is built from
 * passes through here first.
 */
/** Headers the caller adds whose values are likely secrets. */
export declare const SECRET_HEADER: RegExp;
export type Redact = (text: string) => string;
/** A redactor of the given secrets (read each time: tokens change on refresh) and of any Basic or Bearer value. */
export declare function redactor(secrets: () => readonly string[]): Redact;
/** A copy of a parsed answer with every string redacted (depth-limited: answers are untrusted). */
export declare function redactDeep(value: unknown, redact: Redact, depth?: number): unknown;

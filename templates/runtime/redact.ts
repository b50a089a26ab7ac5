/**
 * Credentials never reach a message: an error answer may echo the request's
 * Authorization header (or a token) in its `title` or `detail`, and whatever
 * a PcoError carries ends up in logs. Every text a PcoError is built from
 * passes through here first.
 */

/** `Basic xxx` and `Bearer xxx`, whatever the value: the scheme stays, the value goes. */
const SCHEME_VALUE = /\b(basic|bearer)(\s+)[^\s"',;]+/gi;
/** Headers the caller adds whose values are likely secrets. */
export const SECRET_HEADER: RegExp = /auth|token|key|secret|cookie|session|password/i;

export type Redact = (text: string) => string;

/** A redactor of the given secrets (read each time: tokens change on refresh) and of any Basic or Bearer value. */
export function redactor(secrets: () => readonly string[]): Redact {
  return (text) => {
    let out = text.replace(SCHEME_VALUE, "$1$2[redacted]");
    for (const secret of secrets())
      if (secret.length >= 4) out = out.split(secret).join("[redacted]");
    return out;
  };
}

/** A copy of a parsed answer with every string redacted (depth-limited: answers are untrusted). */
export function redactDeep(value: unknown, redact: Redact, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (typeof value !== "object" || value === null || depth > 16) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1));
  // fromEntries defines own properties, so a `__proto__` key stays an ordinary one.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact, depth + 1)]),
  );
}

/**
 * A POST to the OAuth token endpoint (a code exchange or a refresh), shared by
 * both flows. The answer is read with a small cap and no redirect is
 * followed: a form holding the client secret goes to the token URL and
 * nowhere else. A failure shows only the OAuth error code, since the rest of
 * the answer may echo what was sent.
 *
 * A client loads this module only when it first refreshes, so it imports no
 * code of the runtime: the caller lends the capped reader and the error type
 * (a bundler would otherwise move those into a chunk of their own, loaded at
 * start all the same).
 */
import type { readText } from "./body.js";
import type { PcoError } from "./errors.js";

/** What the caller lends: the runtime's capped reader and its error type. */
export interface TokenTools {
  readText: typeof readText;
  PcoError: typeof PcoError;
}

/** The tokens the endpoint answers with, as the caller's callback receives them. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn?: number;
  scope?: string;
}

const MAX_TOKEN_ANSWER_BYTES = 64 * 1024;
const TOKEN_TIMEOUT_MS = 30_000;

export async function requestTokens(
  tokenUrl: string,
  form: { [name: string]: string },
  doFetch: typeof fetch,
  /** The message before the reason: "the OAuth token could not be refreshed". */
  what: string,
  tools: TokenTools,
): Promise<TokenSet> {
  const path = new URL(tokenUrl).pathname;
  const fail = (status: number, reason: string, cause?: unknown) =>
    new tools.PcoError(`${what} (${reason})`, { status, method: "POST", path, cause });
  let response: Response;
  let body: unknown;
  try {
    response = await doFetch(tokenUrl, {
      method: "POST",
      headers: {
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form),
      redirect: "manual",
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
    const text = await tools.readText(response, MAX_TOKEN_ANSWER_BYTES);
    body = text === "" ? null : JSON.parse(text);
  } catch (error) {
    throw fail(0, "no usable answer", error);
  }
  // An array or a scalar has no access_token either, and fails below.
  const token = (typeof body === "object" && body !== null ? body : {}) as {
    [key: string]: unknown;
  };
  if (!response.ok || typeof token.access_token !== "string") {
    const code =
      typeof token.error === "string" && /^[\w.-]{1,64}$/.test(token.error)
        ? token.error
        : `status ${response.status}`;
    throw fail(response.status, code);
  }
  return {
    accessToken: token.access_token,
    refreshToken: typeof token.refresh_token === "string" ? token.refresh_token : "",
    ...(typeof token.expires_in === "number" ? { expiresIn: token.expires_in } : {}),
    ...(typeof token.scope === "string" ? { scope: token.scope } : {}),
  };
}

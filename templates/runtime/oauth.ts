/**
 * The OAuth 2 authorization-code flow, as the docs describe it: send the
 * user's browser to the authorize URL (`client_id`, `redirect_uri`,
 * `response_type=code`, `scope` as a space-separated list), read the `code`
 * PCO redirects back with, and exchange it at the token URL with the client
 * secret. A `state` value ties the redirect back to the browser that left; the
 * docs describe no PKCE, so none is sent. The tokens go to the caller's
 * `onTokens` callback and nowhere else: nothing here logs or returns them.
 * Refreshing later is the client's own job (an OAuthToken with a refresh
 * token). A module of its own: programs that do not sign users in do not
 * carry it.
 */
import { readText } from "./body.js";
import { PcoError } from "./errors.js";
import { requestTokens, type TokenSet } from "./token.js";

export type { TokenSet } from "./token.js";

/** The docs' URLs. */
export const AUTHORIZE_URL = "https://api.planningcenteronline.com/oauth/authorize";
export const TOKEN_URL = "https://api.planningcenteronline.com/oauth/token";

export interface AuthorizeRequest {
  clientId: string;
  /** Where PCO sends the browser back; it must be registered with the application. */
  redirectUri: string;
  /** The apps asked for: each PCO app is a scope (`people`, `services`, ...). */
  scope: string | readonly string[];
  /** Generated (32 random bytes) when not given; keep it, to check the redirect back. */
  state?: string;
  authorizeUrl?: string;
}

/** The URL to send the user's browser to, and the `state` it carries. */
export function authorizeUrl(request: AuthorizeRequest): { url: string; state: string } {
  const state = request.state ?? randomState();
  const url = new URL(request.authorizeUrl ?? AUTHORIZE_URL);
  url.searchParams.set("client_id", request.clientId);
  url.searchParams.set("redirect_uri", request.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set(
    "scope",
    typeof request.scope === "string" ? request.scope : request.scope.join(" "),
  );
  url.searchParams.set("state", state);
  return { url: url.href, state };
}

/**
 * The `code` of the redirect back, once its `state` is the one sent. An
 * `error` parameter (the user declined, say) or a wrong state is a PcoError.
 */
export function codeFromRedirect(redirect: string | URL, expectedState: string): string {
  const url = new URL(redirect);
  const fail = (message: string) =>
    new PcoError(message, { status: 0, method: "GET", path: url.pathname });
  const error = url.searchParams.get("error");
  if (error !== null)
    throw fail(`authorization was not given (${/^[\w.-]{1,64}$/.test(error) ? error : "error"})`);
  if (url.searchParams.get("state") !== expectedState)
    throw fail("the redirect's state is not the one sent: refused");
  const code = url.searchParams.get("code");
  if (code === null || code === "") throw fail("the redirect names no code");
  return code;
}

export interface CodeExchange {
  code: string;
  clientId: string;
  clientSecret: string;
  /** The same redirect URI the authorize URL named. */
  redirectUri: string;
  /** Receives the tokens, to store them (encrypted, server side). */
  onTokens: (tokens: TokenSet) => void | Promise<void>;
  tokenUrl?: string;
  fetch?: typeof fetch;
}

/** Exchanges the code for tokens, handed to `onTokens`. */
export async function exchangeCode(exchange: CodeExchange): Promise<void> {
  const tokens = await requestTokens(
    exchange.tokenUrl ?? TOKEN_URL,
    {
      grant_type: "authorization_code",
      code: exchange.code,
      client_id: exchange.clientId,
      client_secret: exchange.clientSecret,
      redirect_uri: exchange.redirectUri,
    },
    exchange.fetch ?? ((input, init) => fetch(input, init)),
    "the authorization code could not be exchanged",
    { readText, PcoError },
  );
  await exchange.onTokens(tokens);
}

/** 32 random bytes, in hex. */
function randomState(): string {
  let hex = "";
  for (const byte of crypto.getRandomValues(new Uint8Array(32)))
    hex += byte.toString(16).padStart(2, "0");
  return hex;
}

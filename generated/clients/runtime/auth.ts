// Copied by `npm run generate` from templates/runtime/auth.ts. Do not edit.
/**
 * The Authorization header: HTTP Basic for a personal access token, Bearer for
 * an OAuth token. An OAuth token with a refresh token and the application's
 * credentials is refreshed on a 401; calls in flight share one refresh.
 */
import { readText } from "./body.js";
import { PcoError } from "./errors.js";
import type { OAuthToken, PersonalAccessToken } from "./options.js";

export interface Authorizer {
  header(): string;
  /**
   * After a 401 answered to `sent` (the header that call used): refreshes the
   * token unless another call already did. False when it cannot be refreshed.
   */
  refresh(sent: string): Promise<boolean>;
  /** Every credential it holds now, for redaction from messages. */
  secrets(): string[];
}

export function authorizer(
  auth: PersonalAccessToken | OAuthToken,
  tokenUrl: string,
  doFetch: typeof fetch,
): Authorizer {
  if ("appId" in auth) {
    const encoded = base64(`${auth.appId}:${auth.secret}`);
    return {
      header: () => `Basic ${encoded}`,
      refresh: async () => false,
      secrets: () => [auth.secret, encoded],
    };
  }
  const oauth: OAuthToken = auth;
  let accessToken = oauth.accessToken;
  let refreshToken = oauth.refreshToken;
  let pending: Promise<void> | undefined;

  async function refreshNow(): Promise<void> {
    // Loaded on the first refresh: a bundler splits it out, and most programs never refresh.
    const { requestTokens } = await import("./token.js");
    const tokens = await requestTokens(
      tokenUrl,
      {
        grant_type: "refresh_token",
        refresh_token: refreshToken ?? "",
        client_id: oauth.clientId ?? "",
        client_secret: oauth.clientSecret ?? "",
      },
      doFetch,
      "the OAuth token could not be refreshed",
      { readText, PcoError },
    );
    accessToken = tokens.accessToken;
    if (tokens.refreshToken !== "") refreshToken = tokens.refreshToken;
    await oauth.onTokenRefresh?.({
      accessToken,
      refreshToken: refreshToken ?? "",
      ...(tokens.expiresIn === undefined ? {} : { expiresIn: tokens.expiresIn }),
    });
  }

  return {
    header: () => `Bearer ${accessToken}`,
    async refresh(sent) {
      if (!refreshToken || !oauth.clientId || !oauth.clientSecret) return false;
      if (sent !== `Bearer ${accessToken}`) return true;
      pending ??= refreshNow().finally(() => {
        pending = undefined;
      });
      await pending;
      return true;
    },
    secrets: () =>
      [accessToken, refreshToken, oauth.accessToken, oauth.refreshToken, oauth.clientSecret].filter(
        (s): s is string => typeof s === "string",
      ),
  };
}

/** Base64 of the UTF-8 bytes, with what browsers and Node both have (no Buffer). */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

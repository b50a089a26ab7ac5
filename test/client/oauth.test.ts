/**
 * The OAuth authorization-code flow against a token endpoint on 127.0.0.1:
 * the authorize URL the docs describe, the redirect back checked by its
 * state, and the code exchanged for tokens that reach the caller's callback
 * only.
 */
import { describe, expect, test } from "vitest";
import { PcoError } from "../../templates/runtime/index.js";
import { authorizeUrl, codeFromRedirect, exchangeCode, type TokenSet } from "../../templates/runtime/oauth.js";
import { serveDuringTests } from "./server.js";

const server = serveDuringTests();
const elsewhere = serveDuringTests();
const app = { clientId: "client-123", clientSecret: "cs-7d1f0e9a", redirectUri: "https://example.com/auth/complete" };

describe("authorizeUrl", () => {
  test("names the client, the redirect, response_type=code, the scopes space-separated, and a fresh state", () => {
    const first = authorizeUrl({ ...app, scope: ["people", "services"] });
    const second = authorizeUrl({ ...app, scope: "people" });
    const url = new URL(first.url);
    expect(url.origin + url.pathname).toBe("https://api.planningcenteronline.com/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "client-123",
      redirect_uri: "https://example.com/auth/complete",
      response_type: "code",
      scope: "people services",
      state: first.state,
    });
    expect(first.state).toMatch(/^[0-9a-f]{64}$/);
    expect(second.state).not.toBe(first.state);
    expect(url.searchParams.has("client_secret")).toBe(false);
  });
});

describe("codeFromRedirect", () => {
  test("gives the code when the state is the one sent", () => {
    expect(codeFromRedirect("https://example.com/auth/complete?code=abc&state=s1", "s1")).toBe("abc");
  });

  test.each([
    ["https://example.com/auth/complete?code=abc&state=forged", "the redirect's state is not the one sent: refused"],
    ["https://example.com/auth/complete?code=abc", "the redirect's state is not the one sent: refused"],
    ["https://example.com/auth/complete?error=access_denied&state=s1", "authorization was not given (access_denied)"],
    ["https://example.com/auth/complete?state=s1", "the redirect names no code"],
  ])("%s is refused", (redirect, message) => {
    expect(() => codeFromRedirect(redirect, "s1")).toThrow(
      new PcoError(message, { status: 0, method: "GET", path: "/auth/complete" }).message,
    );
  });
});

describe("exchangeCode", () => {
  test("posts the documented form to the token URL and hands the tokens to the callback", async () => {
    server.handle(() => ({
      json: {
        access_token: "at-1",
        token_type: "bearer",
        expires_in: 7200,
        refresh_token: "rt-1",
        scope: "people",
        created_at: 1469553476,
      },
    }));
    const received: TokenSet[] = [];
    const result = await exchangeCode({
      ...app,
      code: "code-1",
      tokenUrl: `${server.url}/oauth/token`,
      onTokens: (tokens) => void received.push(tokens),
    });

    expect(result).toBeUndefined();
    expect(received).toEqual([{ accessToken: "at-1", refreshToken: "rt-1", expiresIn: 7200, scope: "people" }]);
    const request = server.requests[0]!;
    expect([request.method, request.path, request.headers["content-type"]]).toEqual([
      "POST",
      "/oauth/token",
      "application/x-www-form-urlencoded",
    ]);
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: "authorization_code",
      code: "code-1",
      client_id: "client-123",
      client_secret: "cs-7d1f0e9a",
      redirect_uri: "https://example.com/auth/complete",
    });
  });

  test("a refused code shows the OAuth error code only, never the secret or the code", async () => {
    server.handle(() => ({
      status: 400,
      json: { error: "invalid_grant", error_description: "code code-2 for secret cs-7d1f0e9a is expired" },
    }));
    const failure = (await exchangeCode({ ...app, code: "code-2", tokenUrl: `${server.url}/oauth/token`, onTokens: () => {} }).catch(
      (e: unknown) => e,
    )) as PcoError;
    expect([failure.status, failure.message]).toEqual([
      400,
      "POST /oauth/token: the authorization code could not be exchanged (invalid_grant)",
    ]);
    expect(JSON.stringify({ message: failure.message, stack: failure.stack })).not.toMatch(/cs-7d1f0e9a|code-2/);
  });

  test("a token endpoint that redirects elsewhere is refused: the secret goes nowhere else", async () => {
    server.handle(() => ({ status: 307, headers: { location: `${elsewhere.url}/oauth/token` } }));
    await expect(exchangeCode({ ...app, code: "code-3", tokenUrl: `${server.url}/oauth/token`, onTokens: () => {} })).rejects.toThrow(
      "POST /oauth/token: the authorization code could not be exchanged (status 307)",
    );
    expect(elsewhere.requests).toHaveLength(0);
  });
});

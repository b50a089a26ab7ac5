/**
 * The runtime's HTTP behaviour against a real server on 127.0.0.1: rate
 * limits (proactive pacing, 429 and Retry-After), retries, timeouts, abort
 * signals, and the OAuth refresh on 401.
 */
import { describe, expect, test } from "vitest";
import { PcoError } from "../../templates/runtime/index.js";
import { serveDuringTests } from "./server.js";
import { resource, testClient } from "./test-client.js";

const server = serveDuringTests();

const ok = { json: { data: resource("Person", "1") } };
/** Arrival times at the server jitter with the machine's load; a wait shorter by this much still proves the wait. */
const SLACK_MS = 50;

describe("rate limits", () => {
  test("a 429 waits its Retry-After, then the call succeeds", async () => {
    const arrivals: number[] = [];
    server.handle((_, index) => {
      arrivals.push(performance.now());
      return index === 0 ? { status: 429, headers: { "Retry-After": "0.3" }, json: { errors: [{ code: "429" }] } } : ok;
    });
    const person = await testClient(server.url).people.get("1");

    expect(person.data.id).toBe("1");
    expect(server.requests).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(300 - SLACK_MS);
  });

  test("a 429 pauses every call of the client, not only the one that got it", async () => {
    const arrivals: number[] = [];
    server.handle((_, index) => {
      arrivals.push(performance.now());
      return index === 0 ? { status: 429, headers: { "Retry-After": "0.3" } } : ok;
    });
    const pco = testClient(server.url);
    const first = pco.people.get("1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Started while the first call's pause is on.
    await Promise.all([first, pco.people.get("2")]);
    const second = server.requests.findIndex((r) => r.path === "/people/v2/people/2");
    expect(arrivals[second]! - arrivals[0]!).toBeGreaterThanOrEqual(300 - SLACK_MS);
  });

  test("requests are spaced by the limit the headers announce, across concurrent calls", async () => {
    const arrivals: number[] = [];
    server.handle(() => {
      arrivals.push(performance.now());
      return { ...ok, headers: { "X-PCO-API-Request-Rate-Limit": "2", "X-PCO-API-Request-Rate-Period": "0.4" } };
    });
    const pco = testClient(server.url);
    await pco.people.get("0");
    await Promise.all(["1", "2", "3", "4"].map((id) => pco.people.get(id)));

    expect(arrivals).toHaveLength(5);
    // At most 2 requests in any 0.4 s window (unpaced, the four concurrent calls would arrive within a few ms).
    for (let i = 2; i < arrivals.length; i++) expect(arrivals[i]! - arrivals[i - 2]!).toBeGreaterThanOrEqual(400 - SLACK_MS);
  });

  test("the server's count includes requests this client did not send", async () => {
    const arrivals: number[] = [];
    server.handle(() => {
      arrivals.push(performance.now());
      // Another process with the same credentials has used the whole budget.
      return {
        ...ok,
        headers: { "X-PCO-API-Request-Rate-Limit": "3", "X-PCO-API-Request-Rate-Period": "0.3", "X-PCO-API-Request-Rate-Count": "3" },
      };
    });
    const pco = testClient(server.url);
    await pco.people.get("1");
    await pco.people.get("2");
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(300 - SLACK_MS);
  });
});

describe("retries", () => {
  test("a 5xx is retried with backoff, then the call succeeds", async () => {
    server.handle((_, index) => (index < 2 ? { status: index === 0 ? 503 : 502 } : ok));
    const person = await testClient(server.url).people.get("1");
    expect(person.data.id).toBe("1");
    expect(server.requests.map((r) => r.method)).toEqual(["GET", "GET", "GET"]);
  });

  test("retries are bounded: the last 5xx is thrown", async () => {
    server.handle(() => ({ status: 500, json: { errors: [{ title: "Internal Server Error" }] } }));
    const failure = (await testClient(server.url, { retries: 2 })
      .people.get("1")
      .catch((e: unknown) => e)) as PcoError;
    expect(failure.status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  test("a POST that was sent is not retried (it may have taken effect), unless configured", async () => {
    server.handle(() => ({ status: 503 }));
    await expect(testClient(server.url).people.create({ first_name: "Ada" })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    server.handle((_, index) => (index === 0 ? { status: 503 } : ok));
    await testClient(server.url, { retryNonIdempotent: true }).people.create({ first_name: "Ada" });
    expect(server.requests).toHaveLength(2);
  });

  test("a 429 is retried even for a POST: the server did not act on it", async () => {
    server.handle((_, index) => (index === 0 ? { status: 429, headers: { "Retry-After": "0" } } : ok));
    await testClient(server.url).people.create({ first_name: "Ada" });
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });

  test("a network error is retried for a GET, not for a POST", async () => {
    server.handle((_, index) => (index === 0 ? { cut: true } : ok));
    expect((await testClient(server.url).people.get("1")).data.id).toBe("1");
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    server.handle(() => ({ cut: true }));
    const failure = await testClient(server.url)
      .people.create({ first_name: "Ada" })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 0, message: "POST /people/v2/people: no answer (network error)" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("timeouts and abort signals", () => {
  test("a call with no answer in time fails with a timeout", async () => {
    server.handle(() => ({ ...ok, delayMs: 500 }));
    const start = performance.now();
    const failure = (await testClient(server.url, { timeoutMs: 50, retries: 0 })
      .people.get("1")
      .catch((e: unknown) => e)) as PcoError;
    expect(failure).toBeInstanceOf(PcoError);
    expect([failure.status, failure.message]).toEqual([0, "GET /people/v2/people/1: no answer within 50 ms"]);
    expect(performance.now() - start).toBeLessThan(400);
  });

  test("a timed-out GET is retried, and the per-call timeout overrides the client's", async () => {
    server.handle((_, index) => (index === 0 ? { ...ok, delayMs: 400 } : ok));
    const person = await testClient(server.url, { timeoutMs: 10_000, retries: 1 }).people.get("1", { timeoutMs: 50 });
    expect(person.data.id).toBe("1");
    expect(server.requests).toHaveLength(2);
  });

  test("an aborted call rejects with the signal's reason and is not retried", async () => {
    server.handle(() => ({ ...ok, delayMs: 300 }));
    const controller = new AbortController();
    const call = testClient(server.url).people.get("1", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 30);
    await expect(call).rejects.toThrow("user gave up");
    expect(server.requests).toHaveLength(1);
  });
});

describe("OAuth", () => {
  const expired = "Bearer old-access";
  const fresh = "Bearer new-access";

  test("a 401 refreshes the token once for every call in flight, then each call is sent again", async () => {
    const refreshed: { accessToken: string; refreshToken: string; expiresIn?: number }[] = [];
    server.handle((request) => {
      if (request.path === "/oauth/token") {
        return { json: { access_token: "new-access", refresh_token: "new-refresh", expires_in: 7200, token_type: "bearer" }, delayMs: 50 };
      }
      return request.headers.authorization === fresh ? ok : { status: 401, json: { errors: [{ title: "Unauthorized" }] } };
    });
    const pco = testClient(server.url, {
      auth: {
        accessToken: "old-access",
        refreshToken: "old-refresh",
        clientId: "client",
        clientSecret: "s3cret",
        onTokenRefresh: (t) => void refreshed.push(t),
      },
    });
    const people = await Promise.all(["1", "2", "3"].map((id) => pco.people.get(id)));

    expect(people.map((p) => p.data.id)).toEqual(["1", "1", "1"]);
    const tokenCalls = server.requests.filter((r) => r.path === "/oauth/token");
    expect(tokenCalls).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(tokenCalls[0]!.body))).toEqual({
      grant_type: "refresh_token",
      refresh_token: "old-refresh",
      client_id: "client",
      client_secret: "s3cret",
    });
    expect(tokenCalls[0]!.headers.authorization).toBeUndefined();
    expect(refreshed).toEqual([{ accessToken: "new-access", refreshToken: "new-refresh", expiresIn: 7200 }]);
    const apiCalls = server.requests.filter((r) => r.path !== "/oauth/token");
    expect(apiCalls.map((r) => r.headers.authorization)).toEqual([expired, expired, expired, fresh, fresh, fresh]);
  });

  test("a failed refresh is a PcoError that shows the OAuth error code and no secret", async () => {
    server.handle((request) =>
      request.path === "/oauth/token"
        ? { status: 400, json: { error: "invalid_grant", error_description: "refresh token old-refresh for client s3cret is revoked" } }
        : { status: 401 },
    );
    const pco = testClient(server.url, {
      auth: { accessToken: "old-access", refreshToken: "old-refresh", clientId: "client", clientSecret: "s3cret" },
    });
    const failure = (await pco.people.get("1").catch((e: unknown) => e)) as PcoError;

    expect(failure).toBeInstanceOf(PcoError);
    expect([failure.status, failure.message]).toEqual([400, "POST /oauth/token: the OAuth token could not be refreshed (invalid_grant)"]);
    for (const secret of ["s3cret", "old-refresh", "old-access"])
      expect(JSON.stringify({ ...failure, message: failure.message, stack: failure.stack })).not.toContain(secret);
  });

  test("without a refresh token, a 401 is simply thrown", async () => {
    server.handle(() => ({ status: 401 }));
    await expect(testClient(server.url, { auth: { accessToken: "old-access" } }).people.get("1")).rejects.toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(1);
  });
});

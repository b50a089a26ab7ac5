/**
 * Rate limiting and credentials, as Planning Center does them: the
 * X-PCO-API-Request-Rate-* headers, 429 with Retry-After, and 401 without
 * valid HTTP Basic or Bearer credentials.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAuthorized, parseAuth } from "../../generator/mock/auth.js";
import { parseRateLimit, SlidingWindow } from "../../generator/mock/rate-limit.js";
import { startMockServer } from "../../generator/mock/server.js";
import { committedSpecs } from "../fixtures-render/committed-specs.js";
import { client } from "./http.js";

const GOLDEN = path.join(import.meta.dirname, "../fixtures-render/__golden__/webhooks/2022-10-20");
const golden = (name: string) => JSON.parse(readFileSync(path.join(GOLDEN, name), "utf8")) as unknown;

describe("rate limiting over HTTP", () => {
  it("counts requests in the headers, refuses the one over the limit with 429 and Retry-After, and serves again after waiting", async () => {
    const specs = await committedSpecs();
    const server = await startMockServer({ specs, port: 0, rateLimit: { limit: 3, periodSeconds: 1 } });
    try {
      const api = client(server.url);
      for (let n = 1; n <= 3; n++) {
        const reply = await api.get("/webhooks/v2/available_events");
        expect(reply.status).toBe(200);
        expect(reply.headers.get("x-pco-api-request-rate-limit")).toBe("3");
        expect(reply.headers.get("x-pco-api-request-rate-period")).toBe("1");
        expect(reply.headers.get("x-pco-api-request-rate-count")).toBe(String(n));
      }
      const refused = await api.get("/webhooks/v2/available_events");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(refused.body).toEqual({
        errors: [{ status: "429", title: "Too Many Requests", code: "429", detail: "Rate limit exceeded: 4 of 3 requests per 1 seconds" }],
      });
      await new Promise((resolve) => setTimeout(resolve, Number(refused.headers.get("retry-after")) * 1000));
      const again = await api.get("/webhooks/v2/available_events");
      expect(again.status).toBe(200);
      expect(again.headers.get("x-pco-api-request-rate-count")).toBe("1");
    } finally {
      await server.close();
    }
  });

  it("at the documented 100 per 20 seconds, answers the 101st request with the 429 fixture", async () => {
    const specs = await committedSpecs();
    const server = await startMockServer({ specs, port: 0, rateLimit: { limit: 100, periodSeconds: 20 } });
    try {
      const statuses = await Promise.all(Array.from({ length: 100 }, async () => (await fetch(`${server.url}/webhooks/v2`)).status));
      expect(statuses.every((s) => s === 200)).toBe(true);
      const refused = await client(server.url).get("/webhooks/v2");
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual(golden("errors.429.json"));
    } finally {
      await server.close();
    }
  });
});

describe("credentials over HTTP", () => {
  it("refuses requests without valid Basic or Bearer credentials with the 401 fixture", async () => {
    const specs = await committedSpecs();
    const server = await startMockServer({ specs, port: 0, auth: { appId: "app", secret: "s3cret" } });
    try {
      const basic = (text: string) => ({ Authorization: `Basic ${Buffer.from(text).toString("base64")}` });
      for (const headers of [
        {},
        basic("app:wrong"),
        basic("other:s3cret"),
        { Authorization: "Bearer wrong" },
        { Authorization: "Token s3cret" },
      ]) {
        const reply = await client(server.url, headers).get("/webhooks/v2");
        expect(reply.status, JSON.stringify(headers)).toBe(401);
        expect(reply.headers.get("www-authenticate")).toMatch(/^Basic /);
        expect(reply.body).toEqual(golden("errors.401.json"));
      }
      expect((await client(server.url, basic("app:s3cret")).get("/webhooks/v2")).status).toBe(200);
      expect((await client(server.url, { Authorization: "Bearer s3cret" }).get("/webhooks/v2")).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("the sliding window", () => {
  it("admits a request again once the oldest leaves the window", () => {
    let now = 0;
    const window = new SlidingWindow({ limit: 2, periodSeconds: 10 }, () => now);
    expect(window.take("a")).toEqual({ allowed: true, count: 1 });
    now = 4000;
    expect(window.take("a")).toEqual({ allowed: true, count: 2 });
    expect(window.take("b")).toEqual({ allowed: true, count: 1 });
    now = 5000;
    expect(window.take("a")).toEqual({ allowed: false, count: 3, retryAfterSeconds: 5 });
    now = 10_001;
    expect(window.take("a")).toEqual({ allowed: true, count: 2 });
  });
});

describe("option parsing", () => {
  it.each([
    ["100/20s", { limit: 100, periodSeconds: 20 }],
    ["5/1", { limit: 5, periodSeconds: 1 }],
    ["0/20s", undefined],
    ["100 per 20", undefined],
    ["100/0.5s", undefined],
  ] as const)("reads --rate-limit %s", (text, want) => {
    expect(parseRateLimit(text)).toEqual(want);
  });

  it.each([
    ["app:secret", { appId: "app", secret: "secret" }],
    ["app:sec:ret", { appId: "app", secret: "sec:ret" }],
    [":secret", undefined],
    ["app:", undefined],
    ["app", undefined],
  ] as const)("reads --auth %s", (text, want) => {
    expect(parseAuth(text)).toEqual(want);
  });

  it("accepts a separate access token for Bearer when one is given", () => {
    const auth = { appId: "app", secret: "s", accessToken: "token" };
    expect(isAuthorized("Bearer token", auth)).toBe(true);
    expect(isAuthorized("Bearer s", auth)).toBe(false);
    expect(isAuthorized(undefined, auth)).toBe(false);
  });
});

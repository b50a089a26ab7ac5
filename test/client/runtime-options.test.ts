/**
 * A client's options are checked when it is made: one it cannot work with is
 * refused there, naming the option, before any request; the edges of each
 * range are taken and work against a real server on 127.0.0.1.
 */
import { describe, expect, test } from "vitest";
import type { ClientOptions } from "../../templates/runtime/index.js";
import { serveDuringTests } from "./server.js";
import { resource, testClient } from "./test-client.js";

const server = serveDuringTests();

describe("options a client cannot work with", () => {
  test.each<[string, ClientOptions, string]>([
    ["a negative timeout", { timeoutMs: -1 }, "client option timeoutMs takes a whole number from 1 to 2147483647, not -1"],
    ["a timeout that is not a number", { timeoutMs: Number.NaN }, "timeoutMs takes a whole number from 1 to 2147483647, not NaN"],
    ["a timeout longer than a timer holds", { timeoutMs: 1e12 }, "timeoutMs takes a whole number from 1 to 2147483647, not 1000000000000"],
    ["a fractional timeout", { timeoutMs: 1.5 }, "timeoutMs takes a whole number from 1 to 2147483647, not 1.5"],
    ["an answer cap of NaN, which would cap nothing", { maxResponseBytes: Number.NaN }, "maxResponseBytes takes a whole number"],
    ["negative retries", { retries: -1 }, "client option retries takes a whole number from 0 up, not -1"],
    ["endless retries", { retries: Number.POSITIVE_INFINITY }, "retries takes a whole number from 0 up, not Infinity"],
    ["a retry delay of NaN", { retryDelayMs: Number.NaN }, "retryDelayMs takes a number from 0 to 2147483647, not NaN"],
    ["a negative wait budget", { maxWaitMs: -5 }, "client option maxWaitMs takes a number from 0 up, not -5"],
    [
      "a number given as text",
      { timeoutMs: "5000" as unknown as number },
      'timeoutMs takes a whole number from 1 to 2147483647, not "5000"',
    ],
    ["a rate limit of 0", { rateLimit: { limit: 0 } }, "client option rateLimit.limit takes a whole number from 1 up, not 0"],
    ["a rate period of NaN", { rateLimit: { periodSeconds: Number.NaN } }, "rateLimit.periodSeconds takes a number from 0.001 up, not NaN"],
    [
      "a base URL without a scheme",
      { baseUrl: "localhost:3000" },
      'client option baseUrl takes an http or https URL, not "localhost:3000"',
    ],
    ["a base URL that is not a URL", { baseUrl: "::" }, 'baseUrl takes an http or https URL, not "::"'],
    ["an ftp token URL", { tokenUrl: "ftp://example.com/token" }, 'tokenUrl takes an http or https URL, not "ftp://example.com/token"'],
  ])("%s is refused when the client is made", (_name, options, message) => {
    expect(() => testClient(server.url, options)).toThrow(message);
    expect(server.requests).toHaveLength(0);
  });
});

describe("the edges of each range", () => {
  test("the least of each is taken", () => {
    const least = { timeoutMs: 1, maxWaitMs: 0, maxResponseBytes: 1, retries: 0, retryDelayMs: 0, maxRetryDelayMs: 0 };
    expect(() => testClient(server.url, { ...least, rateLimit: { limit: 1, periodSeconds: 0.001 } })).not.toThrow();
  });

  test("the most of each is taken, and a client made with them works", async () => {
    server.handle(() => ({ json: { data: resource("Person", "1") } }));
    const roomy = testClient(server.url, {
      timeoutMs: 2 ** 31 - 1,
      maxWaitMs: Number.POSITIVE_INFINITY,
      maxResponseBytes: Number.MAX_SAFE_INTEGER,
      retryDelayMs: 2 ** 31 - 1,
      baseUrl: `${server.url}/`,
    });
    expect((await roomy.people.get("1")).data.id).toBe("1");
  });
});

/**
 * A hostile or broken server against the runtime, on 127.0.0.1: numbers in
 * headers that would make it wait for hours or grow without end, bodies that
 * inflate past any memory, answers that are not JSON:API documents, and error
 * answers that echo the credentials. Each case fails the call with a PcoError
 * that says why, at once, and leaves every other call of the client working.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { PcoError } from "../../templates/runtime/index.js";
import { MAX_TIMER_MS, sleep } from "../../templates/runtime/sleep.js";
import { serveDuringTests } from "./server.js";
import { resource, testClient } from "./test-client.js";

const server = serveDuringTests();
const ok = { json: { data: resource("Person", "1") } };
const failureOf = async (call: Promise<unknown>) =>
  (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as PcoError;
/** Arrival times at the server jitter with the machine's load; a wait shorter by this much still proves the wait. */
const SLACK_MS = 50;

describe("server-supplied waits and counts", () => {
  test("a Retry-After beyond 120 s fails the call at once, naming the wait asked for", async () => {
    server.handle(() => ({ status: 429, headers: { "Retry-After": "3600" } }));
    const failure = await failureOf(testClient(server.url).people.get("1"));
    expect(failure).toBeInstanceOf(PcoError);
    expect(failure.message).toBe(
      "GET /people/v2/people/1: a 429's Retry-After asked for a wait of 3600 s, longer than the 30 s a wait may last",
    );
    expect(server.requests).toHaveLength(1);
  });

  test("a huge Retry-After does not pause the client's other calls", async () => {
    server.handle((request) => (request.path.endsWith("/1") ? { status: 429, headers: { "Retry-After": "99999999999" } } : ok));
    const pco = testClient(server.url);
    await expect(pco.people.get("1")).rejects.toThrow(/asked for a wait of 99999999999 s/);
    expect((await pco.people.get("2")).data.id).toBe("1");
  });

  test("a Retry-After within 120 s but beyond the call's timeoutMs fails at once", async () => {
    server.handle(() => ({ status: 429, headers: { "Retry-After": "60" } }));
    await expect(testClient(server.url, { timeoutMs: 1000 }).people.get("1")).rejects.toThrow(
      "GET /people/v2/people/1: a 429's Retry-After asked for a wait of 60 s, longer than the 1 s a wait may last",
    );
    expect(server.requests).toHaveLength(1);
  });

  test("the waits of one call are bounded in total by maxWaitMs", async () => {
    server.handle(() => ({ status: 429, headers: { "Retry-After": "0.2" } }));
    const failure = await failureOf(testClient(server.url, { maxWaitMs: 300, retries: 10 }).people.get("1"));
    expect(failure.message).toBe(
      "GET /people/v2/people/1: a 429's Retry-After asked for a wait of 0.2 s, more than the 0.1 s left of this call's waits",
    );
    expect(server.requests).toHaveLength(2);
  });

  test("a rate period of a day with a limit of 1 fails the next call at once instead of waiting a day", async () => {
    server.handle(() => ({ ...ok, headers: { "X-PCO-API-Request-Rate-Limit": "1", "X-PCO-API-Request-Rate-Period": "86400" } }));
    const pco = testClient(server.url);
    await pco.people.get("1");
    await expect(pco.people.get("2")).rejects.toThrow(
      /GET \/people\/v2\/people\/2: the rate limit asked for a wait of 86400 s, longer than the 30 s a wait may last/,
    );
    expect(server.requests).toHaveLength(1);
  });

  test("a count of 300 million is clamped to the limit: the client waits one period, then goes on", async () => {
    const arrivals: number[] = [];
    server.handle(() => {
      arrivals.push(performance.now());
      return {
        ...ok,
        headers: {
          "X-PCO-API-Request-Rate-Limit": "2",
          "X-PCO-API-Request-Rate-Period": "0.3",
          "X-PCO-API-Request-Rate-Count": "300000000",
        },
      };
    });
    const pco = testClient(server.url);
    const heapBefore = process.memoryUsage().heapUsed;
    await pco.people.get("1");
    await pco.people.get("2");
    await pco.people.get("3");
    expect(arrivals).toHaveLength(3);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(300 - SLACK_MS);
    // One entry per counted request would be 300 million numbers (2.4 GB); the window is a count.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  test("an abort signal ends a wait the server asked for", async () => {
    server.handle(() => ({ status: 429, headers: { "Retry-After": "20" } }));
    const controller = new AbortController();
    const call = testClient(server.url).people.get("1", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await expect(call).rejects.toThrow("user gave up");
    expect(server.requests).toHaveLength(1);
  });

  test("a wait longer than a timer can hold is cut, not fired at once with a warning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      let settled = false;
      const wait = sleep(2 ** 40, controller.signal).then(
        () => (settled = true),
        () => "aborted",
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toBe(false);
      controller.abort();
      expect(await wait).toBe("aborted");
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain("TimeoutOverflowWarning");
      expect(MAX_TIMER_MS).toBe(2147483647);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("answer sizes", () => {
  test("a body larger than maxResponseBytes is refused", async () => {
    server.handle(() => ({ json: { data: [], meta: { padding: "x".repeat(200_000) } } }));
    await expect(testClient(server.url, { maxResponseBytes: 100_000 }).people.list()).rejects.toThrow(
      "GET /people/v2/people: the answer is larger than maxResponseBytes (100000 bytes)",
    );
  });

  test("a gzip body that inflates past maxResponseBytes is stopped while it streams", async () => {
    const inflated = Buffer.concat([
      Buffer.from('{"data":[],"meta":{"padding":"'),
      Buffer.alloc(64 * 1024 * 1024, 0x61),
      Buffer.from('"}}'),
    ]);
    const compressed = gzipSync(inflated);
    expect(compressed.length).toBeLessThan(1024 * 1024);
    server.handle(() => ({ raw: compressed, headers: { "content-type": "application/json", "content-encoding": "gzip" } }));
    const heapBefore = process.memoryUsage().heapUsed;
    await expect(testClient(server.url, { maxResponseBytes: 1024 * 1024 }).people.list()).rejects.toThrow(
      /larger than maxResponseBytes \(1048576 bytes\)/,
    );
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(48 * 1024 * 1024);
  });
});

describe("answers of many records", () => {
  test("a to-many linkage of 200,000 included records resolves, where a spread of it into one call would throw", async () => {
    const count = 200_000;
    const emails = Array.from({ length: count }, (_, i) => ({ type: "Email", id: String(i) }));
    server.handle(() => ({
      json: { data: { ...resource("Person", "1"), relationships: { emails: { data: emails } } }, included: emails },
    }));
    const person = (await testClient(server.url).people.get("1", { include: ["emails"] })).data;
    expect(person.emails).toHaveLength(count);
    expect(person.emails.at(-1)!.id).toBe(String(count - 1));
  });
});

describe("document shapes", () => {
  test.each([
    [{ data: "abc" }, "/data is a string, not a resource object"],
    [{ data: ["abc"] }, "/data/0 is a string, not a resource object"],
    [{ data: [{ type: "Person", id: 1 }] }, "/data/0/id is a number, not a string"],
    [{ data: [{ type: "Person", id: "1", attributes: [] }] }, "/data/0/attributes is an array, not an object"],
    [{ data: [], included: {} }, "/included is an object, not an array"],
    [{ data: [], included: [{ id: "1" }] }, "/included/0/type is missing, not a string"],
    [{ data: [], links: "next" }, "/links is a string, not an object"],
    [[1, 2], "the answer is an array, not a JSON:API document"],
    ["text", "the answer is a string, not a JSON:API document"],
  ])("%j is refused before it is typed", async (json, reason) => {
    server.handle(() => ({ json }));
    await expect(testClient(server.url).people.list()).rejects.toThrow(`GET /people/v2/people: ${reason}`);
  });
});

describe("credentials in answers", () => {
  test("a 401 whose detail echoes the Authorization header shows no credential", async () => {
    const basic = { appId: "app-id", secret: "pässwörd-s3cret" };
    server.handle((request) => ({
      status: 401,
      json: {
        errors: [{ title: "Unauthorized", detail: `bad header: Authorization: ${request.headers.authorization}; secret ${basic.secret}` }],
      },
    }));
    const failure = await failureOf(testClient(server.url, { auth: basic }).people.get("1"));
    const encoded = Buffer.from(`${basic.appId}:${basic.secret}`, "utf8").toString("base64");
    expect(failure.message).toBe(
      "GET /people/v2/people/1: answered 401: Unauthorized: bad header: Authorization: Basic [redacted]; secret [redacted]",
    );
    const shown = JSON.stringify({ message: failure.message, errors: failure.errors, detail: failure.detail, stack: failure.stack });
    for (const secret of [basic.secret, encoded]) expect(shown).not.toContain(secret);
  });

  test("an OAuth token echoed in an error, and a secret header the caller added, are redacted", async () => {
    server.handle(() => ({ status: 403, json: { errors: [{ detail: "token tok-123456 with key k-abcdefgh is not allowed" }] } }));
    const failure = await failureOf(
      testClient(server.url, { auth: { accessToken: "tok-123456" }, headers: { "X-Api-Key": "k-abcdefgh" } }).people.get("1"),
    );
    expect(failure.detail).toBe("token [redacted] with key [redacted] is not allowed");
  });
});

describe("paging limits", () => {
  test("maxPages ends each() after that many pages", async () => {
    server.handle((request) => {
      const offset = Number(request.query.get("offset") ?? "0");
      return {
        json: {
          data: [resource("Person", String(offset))],
          links: { next: `${server.url}/people/v2/people?per_page=100&offset=${offset + 1}` },
        },
      };
    });
    const ids: string[] = [];
    for await (const person of testClient(server.url).people.each({ maxPages: 3 })) ids.push(person.id);
    expect(ids).toEqual(["0", "1", "2"]);
    expect(server.requests).toHaveLength(3);
  });

  test("a links.next that is not a URL ends the walk with a PcoError", async () => {
    server.handle(() => ({ json: { data: [resource("Person", "1")], links: { next: "http://[bad" } } }));
    const walk = async () => {
      for await (const person of testClient(server.url).people.each()) void person;
    };
    await expect(walk()).rejects.toThrow("GET /people/v2/people: links.next is not a URL");
  });

  test("each() asks for 100 records a page unless told otherwise", async () => {
    server.handle(() => ({ json: { data: [] } }));
    for await (const person of testClient(server.url).people.each()) void person;
    for await (const person of testClient(server.url).people.each({ perPage: 10 })) void person;
    expect(server.requests.map((r) => r.query.get("per_page"))).toEqual(["100", "10"]);
  });

  test.each([0, 101, 2.5, Number.NaN])("perPage %d is refused before anything is sent", async (perPage) => {
    await expect(testClient(server.url).people.list({ perPage })).rejects.toThrow(
      `GET /people/v2/people: perPage must be a whole number from 1 to 100, not ${perPage}`,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("User-Agent", () => {
  test("the SDK names itself, unless the caller names another or none", async () => {
    server.handle(() => ok);
    await testClient(server.url).people.get("1");
    await testClient(server.url, { userAgent: "my-app/2.0" }).people.get("1");
    await testClient(server.url, { userAgent: null }).people.get("1");
    const agents = server.requests.map((r) => r.headers["user-agent"]);
    expect(agents.slice(0, 2)).toEqual(["pco-codegen-client", "my-app/2.0"]);
    // With none set, Node's fetch sends its own.
    expect(agents[2]).not.toMatch(/pco-codegen/);
  });
});

/**
 * What the runtime refuses to do, against real servers on 127.0.0.1 (each
 * server is its own origin): change a path through an id, follow a link to
 * another origin, send credentials to another host, or show a secret.
 */
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { PcoError } from "../../templates/runtime/index.js";
import { serveDuringTests } from "./server.js";
import { apiDefaults, resource, testClient } from "./test-client.js";

const api = serveDuringTests();
const elsewhere = serveDuringTests();

const ok = { json: { data: resource("Person", "1") } };
const basic = { appId: "app-id", secret: "pässwörd-s3cret" };

describe("ids", () => {
  test.each([
    ["../x", "/people/v2/people/..%2Fx"],
    ["a/b?c#d", "/people/v2/people/a%2Fb%3Fc%23d"],
    ["%2e%2e", "/people/v2/people/%252e%252e"],
    [42, "/people/v2/people/42"],
  ])("the id %j is one encoded path segment", async (id, path) => {
    api.handle(() => ok);
    await testClient(api.url).people.get(id);
    await testClient(api.url).people.id(id).emails.list();
    expect(api.requests.map((r) => r.path)).toEqual([path, `${path}/emails`]);
  });

  test.each(["", ".", ".."])("the id %j is refused before anything is sent", async (id) => {
    await expect(testClient(api.url).people.get(id)).rejects.toBeInstanceOf(PcoError);
    expect(() => testClient(api.url).people.id(id)).toThrow(/is not a record id/);
    expect(api.requests).toHaveLength(0);
  });
});

describe("links and hosts", () => {
  test("a links.next to another origin is refused, and that origin hears nothing", async () => {
    api.handle(() => ({ json: { data: [resource("Person", "1")], links: { next: `${elsewhere.url}/people/v2/people?offset=25` } } }));
    const seen: string[] = [];
    const walk = async () => {
      for await (const person of testClient(api.url, { auth: basic }).people.each()) seen.push(person.id);
    };
    await expect(walk()).rejects.toThrow(`GET /people/v2/people: refusing to follow a link to another origin (${elsewhere.url})`);
    expect(seen).toEqual(["1"]);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test.each([302, 307])("a %i redirect to another origin is refused, and that origin hears nothing", async (status) => {
    api.handle(() => ({ status, headers: { location: `${elsewhere.url}/file.pdf` } }));
    elsewhere.handle(() => ok);
    const pco = testClient(api.url, { auth: basic, headers: { "X-Tenant": "t-1" } });
    const failure = (await pco.people.create({ first_name: "Ada" }).catch((e: unknown) => e)) as PcoError;
    expect([failure.status, failure.message]).toEqual([
      status,
      `POST /people/v2/people: refusing to follow a redirect to another origin (${elsewhere.url})`,
    ]);
    expect(api.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("a redirect on the same origin is followed: a 307 repeats the POST and its body, a 303 continues as a GET", async () => {
    api.handle((request) =>
      request.path === "/people/v2/people"
        ? { status: 307, headers: { location: "/people/v2/moved" } }
        : request.path === "/people/v2/moved"
          ? { status: 303, headers: { location: "/people/v2/people/1#top" } }
          : ok,
    );
    await testClient(api.url, { auth: basic }).people.create({ first_name: "Ada" });
    expect(api.requests.map((r) => [r.method, r.path, r.body === "" ? "" : "body"])).toEqual([
      ["POST", "/people/v2/people", "body"],
      ["POST", "/people/v2/moved", "body"],
      ["GET", "/people/v2/people/1", ""],
    ]);
    expect(api.requests.every((r) => /^Basic /.test(r.headers.authorization ?? ""))).toBe(true);
  });

  test("a redirect loop on the same origin ends after five hops", async () => {
    api.handle(() => ({ status: 302, headers: { location: "/people/v2/people/1" } }));
    await expect(testClient(api.url).people.get("1")).rejects.toThrow("GET /people/v2/people/1: more than 5 redirects");
    expect(api.requests).toHaveLength(6);
  });

  test("a personal access token is sent with HTTP Basic, UTF-8 encoded", async () => {
    api.handle(() => ok);
    await testClient(api.url, { auth: basic }).people.get("1");
    expect(api.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from("app-id:pässwörd-s3cret", "utf8").toString("base64")}`);
  });
});

describe("file uploads", () => {
  test("upload() posts the file to the upload host with the credentials, and its id is then passed as an attribute", async () => {
    elsewhere.handle(() => ({
      json: { data: [{ type: "File", id: "us1-16207df7", attributes: { name: "avatar.png", content_type: "image/png", file_size: 4 } }] },
    }));
    api.handle(() => ok);
    const pco = testClient(api.url, { auth: basic }, apiDefaults(api.url, `${elsewhere.url}/v2/files`));
    const file = await pco.upload(new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }), { name: "avatar.png" });
    await pco.people.update("1", { avatar: file.id });

    const upload = elsewhere.requests[0]!;
    expect([upload.method, upload.path]).toEqual(["POST", "/v2/files"]);
    expect(upload.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body).toContain('Content-Disposition: form-data; name="file"; filename="avatar.png"');
    expect(upload.headers.authorization).toBe(api.requests[0]!.headers.authorization);
    expect(file).toEqual({ type: "File", id: "us1-16207df7", attributes: { name: "avatar.png", content_type: "image/png", file_size: 4 } });
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ data: { type: "Person", id: "1", attributes: { avatar: "us1-16207df7" } } });
  });

  test("an upload answer without a file id is an error", async () => {
    elsewhere.handle(() => ({ json: { data: [] } }));
    const pco = testClient(api.url, {}, apiDefaults(api.url, `${elsewhere.url}/v2/files`));
    await expect(pco.upload(new Blob(["x"]))).rejects.toThrow("POST /v2/files: the upload answer names no file id");
  });
});

describe("secrets", () => {
  test("no credential appears in an error, however it is shown", async () => {
    api.handle(() => ({ status: 401, json: { errors: [{ title: "Unauthorized", detail: "Bad credentials" }] } }));
    const failure = (await testClient(api.url, { auth: basic })
      .people.get("1")
      .catch((e: unknown) => e)) as PcoError;
    const shown = [
      failure.message,
      String(failure),
      failure.stack ?? "",
      JSON.stringify(failure),
      inspect(failure, { depth: 10, showHidden: true }),
    ].join("\n");

    expect(failure.status).toBe(401);
    const encoded = Buffer.from(`${basic.appId}:${basic.secret}`, "utf8").toString("base64");
    for (const secret of [basic.secret, encoded]) expect(shown).not.toContain(secret);
  });
});

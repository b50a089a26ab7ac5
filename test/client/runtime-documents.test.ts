/**
 * The runtime against a real HTTP server on 127.0.0.1: what it sends (queries,
 * bodies, headers) and what it makes of the answers (pages, includes, errors).
 */
import { describe, expect, test } from "vitest";
import { PcoError } from "../../templates/runtime/index.js";
import { serveDuringTests } from "./server.js";
import { resource, testClient } from "./test-client.js";

const server = serveDuringTests();

describe("paging", () => {
  test("each() walks links.next until a page has none", async () => {
    const pages = [["1", "2"], ["3", "4"], ["5"]];
    server.handle((request) => {
      const offset = Number(request.query.get("offset") ?? "0");
      const page = offset / 2;
      const next = page + 1 < pages.length ? `${server.url}/people/v2/people?per_page=2&offset=${offset + 2}` : undefined;
      return {
        json: {
          data: pages[page]!.map((id) => resource("Person", id)),
          links: next === undefined ? {} : { next },
          meta: { total_count: 5 },
        },
      };
    });
    const pco = testClient(server.url);
    const ids: string[] = [];
    for await (const person of pco.people.each({ perPage: 2 })) ids.push(person.id);

    expect(ids).toEqual(["1", "2", "3", "4", "5"]);
    expect(server.requests.map((r) => r.query.toString())).toEqual(["per_page=2", "per_page=2&offset=2", "per_page=2&offset=4"]);
  });

  test("list() gives one page with its meta and links", async () => {
    server.handle(() => ({
      json: { data: [resource("Person", "1")], meta: { total_count: 7, count: 1 }, links: { next: `${server.url}/next` } },
    }));
    const page = await testClient(server.url).people.list();
    expect(page.data.map((p) => p.id)).toEqual(["1"]);
    expect(page.meta.total_count).toBe(7);
    expect(page.links.next).toBe(`${server.url}/next`);
    expect(page.included).toEqual([]);
  });

  test("a links.next that points back to a page already read (its fragment aside) ends the walk with an error", async () => {
    // each() asks for 100 a page; the link names that same page with a fragment added.
    server.handle(() => ({ json: { data: [resource("Person", "1")], links: { next: `${server.url}/people/v2/people?per_page=100#n` } } }));
    const walk = async () => {
      for await (const person of testClient(server.url).people.each()) void person;
    };
    await expect(walk()).rejects.toThrow(/points back to a page already read/);
    // Detected before asking for the same page again.
    expect(server.requests).toHaveLength(1);
  });

  test("a links.next onward from a page of no records ends the walk with an error", async () => {
    // Each empty page links to a new offset, so no page repeats: only the empty page itself says the walk would never end.
    // The server stops linking after 50 pages, which bounds the walk the old runtime would have gone on with.
    server.handle((request) => {
      const offset = Number(request.query.get("offset") ?? "0");
      const next = offset < 5000 ? { next: `${server.url}/people/v2/people?per_page=100&offset=${offset + 100}` } : {};
      return { json: { data: [], links: next } };
    });
    const walk = async () => {
      for await (const person of testClient(server.url).people.each()) void person;
    };
    await expect(walk()).rejects.toThrow("GET /people/v2/people: links.next follows a page of no records");
    expect(server.requests).toHaveLength(1);
  });
});

describe("includes", () => {
  const answer = {
    data: [
      resource(
        "Person",
        "1",
        { first_name: "Ada" },
        {
          emails: {
            data: [
              { type: "Email", id: "10" },
              { type: "Email", id: "11" },
            ],
          },
          primary_email: { data: { type: "Email", id: "11" } },
        },
      ),
      resource(
        "Person",
        "2",
        { first_name: "Tim" },
        {
          emails: {
            data: [
              { type: "Email", id: "12" },
              { type: "Email", id: "404" },
            ],
          },
          primary_email: { data: null },
        },
      ),
    ],
    included: [
      resource("Email", "10", { address: "ada@example.com" }),
      resource("Email", "11", { address: "ada@work.example.com" }),
      resource("Email", "12", { address: "tim@example.com" }),
    ],
  };

  test("included records are resolved onto their parents, as the linkage says", async () => {
    server.handle(() => ({ json: answer }));
    const page = await testClient(server.url).people.list({ include: ["emails", "primary_email"] });
    const [ada, tim] = page.data;

    expect(server.requests[0]!.query.get("include")).toBe("emails,primary_email");
    expect(ada!.emails.map((e) => e.attributes.address)).toEqual(["ada@example.com", "ada@work.example.com"]);
    expect(ada!.primary_email?.attributes.address).toBe("ada@work.example.com");
    // A linkage to a record the answer did not include is left out rather than invented.
    expect(tim!.emails.map((e) => e.id)).toEqual(["12"]);
    expect(tim!.primary_email).toBeNull();
    // The resolved record is the included object itself.
    expect(ada!.primary_email).toBe(page.included[1]);
  });

  test("nothing is resolved that was not asked for", async () => {
    server.handle(() => ({ json: answer }));
    const page = await testClient(server.url).people.list({ include: ["emails"] });
    expect(Object.hasOwn(page.data[0]!, "emails")).toBe(true);
    expect(Object.hasOwn(page.data[0]!, "primary_email")).toBe(false);
  });

  test("a __proto__ key anywhere in an answer stays an ordinary property", async () => {
    const hostile = `{
      "data": [{ "type": "Person", "id": "1", "attributes": { "__proto__": { "polluted": "attributes" } },
                 "relationships": { "__proto__": { "data": { "type": "Email", "id": "9" } } },
                 "meta": { "__proto__": { "polluted": "meta" } } }],
      "included": [{ "type": "Email", "id": "9", "attributes": { "__proto__": { "polluted": "included" } } }],
      "meta": { "__proto__": { "polluted": "document" } },
      "links": { "__proto__": { "polluted": "links" } }
    }`;
    server.handle(() => ({ text: hostile, headers: { "content-type": "application/json" } }));
    const page = await testClient(server.url).people.list({ include: ["__proto__"] });
    const person = page.data[0]!;

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(person)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(person, "__proto__")?.value).toBe(page.included[0]);
    expect(Object.getPrototypeOf(page.meta)).toBe(Object.prototype);
  });

  test("a single record where a list was expected becomes a list of one", async () => {
    server.handle(() => ({ json: { data: resource("Person", "1") } }));
    expect((await testClient(server.url).people.list()).data.map((p) => p.id)).toEqual(["1"]);
  });
});

describe("requests", () => {
  test("the query parameters are written the way the API reads them", async () => {
    server.handle(() => ({ json: { data: [] } }));
    await testClient(server.url).people.list({
      where: { first_name: "Tim%", created_at: { gte: "2024-01-01", lt: "2025-01-01" }, grade: 3 },
      order: ["-created_at", "first_name"],
      include: ["emails"],
      filter: "admins",
      perPage: 50,
      offset: 100,
      // The include's relationship is added to the record's own fieldset (else the API leaves it out).
      fields: { Person: ["first_name", "avatar"] },
      params: { time: "2024-06-01T00:00:00Z" },
    });
    expect([...server.requests[0]!.query]).toEqual([
      ["where[first_name]", "Tim%"],
      ["where[created_at][gte]", "2024-01-01"],
      ["where[created_at][lt]", "2025-01-01"],
      ["where[grade]", "3"],
      ["include", "emails"],
      ["order", "-created_at,first_name"],
      ["filter", "admins"],
      ["per_page", "50"],
      ["offset", "100"],
      ["fields[Person]", "first_name,avatar,emails"],
      ["time", "2024-06-01T00:00:00Z"],
    ]);
    // `%` travels percent-encoded, as the docs require (`Tim%25`).
    expect(server.requests[0]!.query.toString()).toContain("where%5Bfirst_name%5D=Tim%25");
  });

  test("create, update, delete and actions send JSON:API bodies to the record's path", async () => {
    server.handle((request) =>
      request.method === "DELETE" || request.path.endsWith("/reset")
        ? { status: 204 }
        : { json: { data: resource("Person", "7", { first_name: "Ada" }) } },
    );
    const pco = testClient(server.url);
    const created = await pco.people.create({ first_name: "Ada" });
    await pco.people.update("7", { first_name: "Augusta" });
    await pco.people.id(7).update({ first_name: null });
    await pco.people.delete("7");
    const reset = await pco.people.id("7").reset({ reason: "test" });

    expect(created.data.attributes.first_name).toBe("Ada");
    expect(reset).toBeNull();
    expect(server.requests.map((r) => [r.method, r.path, r.body === "" ? null : JSON.parse(r.body)])).toEqual([
      ["POST", "/people/v2/people", { data: { type: "Person", attributes: { first_name: "Ada" } } }],
      ["PATCH", "/people/v2/people/7", { data: { type: "Person", id: "7", attributes: { first_name: "Augusta" } } }],
      ["PATCH", "/people/v2/people/7", { data: { type: "Person", id: "7", attributes: { first_name: null } } }],
      ["DELETE", "/people/v2/people/7", null],
      ["POST", "/people/v2/people/7/reset", { data: { type: "PersonReset", attributes: { reason: "test" } } }],
    ]);
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
  });

  test("relationships given to a create or an update are sent beside the attributes", async () => {
    server.handle(() => ({ json: { data: resource("Person", "7") } }));
    const primary = { data: { type: "Email", id: "3" } };
    await testClient(server.url).people.create({ first_name: "Ada" }, { relationships: { primary_email: primary } });
    await testClient(server.url)
      .people.id("7")
      .update({}, { relationships: { emails: { data: [] } } });
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { data: { type: "Person", attributes: { first_name: "Ada" }, relationships: { primary_email: primary } } },
      { data: { type: "Person", id: "7", attributes: {}, relationships: { emails: { data: [] } } } },
    ]);
  });

  test("every request carries the API version and asks for JSON", async () => {
    server.handle(() => ({ json: { data: [] } }));
    await testClient(server.url).people.list();
    await testClient(server.url, { apiVersion: "2018-08-01" }).people.list();
    await testClient(server.url, { apiVersion: null }).people.list();
    expect(server.requests.map((r) => r.headers["x-pco-api-version"])).toEqual(["2025-03-20", "2018-08-01", undefined]);
    expect(server.requests[0]!.headers.accept).toBe("application/json");
  });

  test("extra headers are sent, but cannot replace the client's own", async () => {
    server.handle(() => ({ json: { data: [] } }));
    await testClient(server.url, { headers: { "X-Trace": "abc", Accept: "text/html", "X-PCO-API-Version": "1999-01-01" } }).people.list();
    const headers = server.requests[0]!.headers;
    expect([headers["x-trace"], headers.accept, headers["x-pco-api-version"]]).toEqual(["abc", "application/json", "2025-03-20"]);
  });
});

describe("errors", () => {
  test("a JSON:API error answer becomes a PcoError with its status, code, title, detail and source", async () => {
    const error = {
      status: "422",
      code: "invalid",
      title: "Unprocessable Entity",
      detail: "first_name can't be blank",
      source: { pointer: "/data/attributes/first_name" },
    };
    server.handle(() => ({ status: 422, json: { errors: [error] } }));
    const failure = await testClient(server.url)
      .people.create({ first_name: "" })
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(PcoError);
    const pcoError = failure as PcoError;
    expect([pcoError.status, pcoError.code, pcoError.title, pcoError.detail, pcoError.source]).toEqual([
      422,
      "invalid",
      "Unprocessable Entity",
      "first_name can't be blank",
      { pointer: "/data/attributes/first_name" },
    ]);
    expect(pcoError.errors).toEqual([error]);
    expect(pcoError.message).toBe("POST /people/v2/people: answered 422: Unprocessable Entity: first_name can't be blank");
  });

  test("an error answer that is not JSON still gives its status", async () => {
    server.handle(() => ({ status: 404, text: "<html>Not Found</html>" }));
    const failure = (await testClient(server.url)
      .people.get("1")
      .catch((e: unknown) => e)) as PcoError;
    expect([failure.status, failure.errors, failure.message]).toEqual([404, [], "GET /people/v2/people/1: answered 404"]);
  });

  test("a success whose body is not JSON is an error, not a silent null", async () => {
    server.handle(() => ({ text: "not json" }));
    await expect(testClient(server.url).people.get("1")).rejects.toThrow(/answered 200 with a body that is not JSON/);
  });
});

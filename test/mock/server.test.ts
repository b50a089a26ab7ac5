/**
 * The mock server end to end: a real HTTP server on 127.0.0.1 serving every
 * committed spec, driven with plain fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../generator/mock/server.js";
import type { Spec } from "../../generator/spec/types.js";
import { committedSpecs } from "../fixtures-render/committed-specs.js";
import { client } from "./http.js";

let specs: Spec[];
let server: MockServer;
let api: ReturnType<typeof client>;
const NOW = new Date("2024-06-01T10:20:30.456Z");

beforeAll(async () => {
  specs = await committedSpecs();
  server = await startMockServer({ specs, port: 0, now: () => NOW });
  api = client(server.url);
});
afterAll(() => server.close());

type Json = Record<string, any>;

/** Every record of a collection, following links.next to the end. */
async function everything(path: string): Promise<{ records: Json[]; pages: Json[] }> {
  const pages: Json[] = [];
  for (let next: string | undefined = path; next !== undefined;) {
    const reply = await api.get(next);
    expect(reply.status, next).toBe(200);
    pages.push(reply.body);
    next = reply.body.links.next;
  }
  return { records: pages.flatMap((p) => p.data), pages };
}

describe("the mock server", () => {
  // How soon it starts is a figure of the benchmark (npm run bench, figure 7), not a timed test.
  it("listens on 127.0.0.1", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
  });

  it("pages through a collection to the end with per_page, offset and links.next", async () => {
    const { records, pages } = await everything("/people/v2/people?per_page=2");
    const total = pages[0]!.meta.total_count as number;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(records).toHaveLength(total);
    expect(new Set(records.map((r) => r.id)).size).toBe(total);
    expect(pages).toHaveLength(Math.ceil(total / 2));
    pages.forEach((page, i) => {
      expect(page.meta.count).toBe(page.data.length);
      if (i < pages.length - 1) {
        expect(page.links.next).toBe(`${server.url}/people/v2/people?offset=${2 * (i + 1)}&per_page=2`);
        expect(page.meta.next).toEqual({ offset: 2 * (i + 1) });
      } else {
        expect(page.links).not.toHaveProperty("next");
      }
      if (i > 0) expect(page.links.prev).toBe(`${server.url}/people/v2/people?${i > 1 ? `offset=${2 * (i - 1)}&` : ""}per_page=2`);
    });
    const beyond = await api.get(`/people/v2/people?offset=${total + 10}`);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.total_count).toBe(total);
  });

  it("keeps per_page within the documented limits and refuses one that is not a number", async () => {
    expect((await api.get("/people/v2/people?per_page=0")).body.data).toHaveLength(1);
    const bad = await api.get("/people/v2/people?per_page=many");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].source).toEqual({ parameter: "per_page" });
    // The refusal does not claim 0 is refused too: it names the limits a whole number is brought into.
    expect(bad.body.errors[0].detail).toBe("per_page must be a whole number; one outside 1 to 100 is brought into that range");
  });

  it("gets a record by id, and 404s an unknown one", async () => {
    const [first] = (await api.get("/people/v2/emails")).body.data as Json[];
    const got = await api.get(`/people/v2/emails/${first!.id}`);
    expect(got.status).toBe(200);
    expect(got.body.data).toEqual(first);
    expect((await api.get(`/people/v2/emails/${first!.id}?where[address]=x&per_page=1`)).headers.get("x-mock-not-applied")).toBe(
      "where[address], per_page",
    );
    const missing = await api.get("/people/v2/emails/123");
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]).toMatchObject({ status: "404", title: "Not Found", detail: "No Email has the id 123" });
  });

  it("includes associated records, linked from the relationships", async () => {
    const [person] = (await api.get("/people/v2/people?per_page=1")).body.data as Json[];
    const reply = await api.get(`/people/v2/people/${person!.id}?include=emails,addresses`);
    expect(reply.status).toBe(200);
    const emails = reply.body.data.relationships.emails.data as Json[];
    const addresses = reply.body.data.relationships.addresses.data as Json[];
    expect(emails.length).toBeGreaterThan(0);
    expect(reply.body.included.map((r: Json) => `${r.type} ${r.id}`)).toEqual([...emails, ...addresses].map((r) => `${r.type} ${r.id}`));
    for (const email of reply.body.included.filter((r: Json) => r.type === "Email")) {
      expect(email.relationships.person.data).toEqual({ type: "Person", id: person!.id });
    }
    const listed = await api.get("/people/v2/people?include=emails&per_page=3");
    const linked = (listed.body.data as Json[]).flatMap((p) => p.relationships.emails.data as Json[]);
    expect(new Set(listed.body.included.map((r: Json) => r.id))).toEqual(new Set(linked.map((l) => l.id)));
    const bad = await api.get("/people/v2/people?include=nothing_like_it");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].source).toEqual({ parameter: "include" });
  });

  it("filters with where: equality without regard to case, % prefixes, and gt/gte/lt/lte on typed attributes", async () => {
    const { records: people } = await everything("/people/v2/people?per_page=100");
    const name = people[0]!.attributes.first_name as string;
    const equal = await api.get(`/people/v2/people?where[first_name]=${encodeURIComponent(name.toUpperCase())}`);
    expect(equal.body.data.map((p: Json) => p.id)).toEqual(
      people.filter((p) => p.attributes.first_name.toLowerCase() === name.toLowerCase()).map((p) => p.id),
    );
    expect(equal.body.links.self).toBe(`${server.url}/people/v2/people?where[first_name]=${encodeURIComponent(name.toUpperCase())}`);

    const prefix = name.slice(0, 2);
    const starting = await api.get(`/people/v2/people?where[first_name]=${prefix}%25`);
    expect(starting.body.data.map((p: Json) => p.id)).toEqual(
      people.filter((p) => p.attributes.first_name.toLowerCase().startsWith(prefix.toLowerCase())).map((p) => p.id),
    );

    const cut = [...people.map((p) => p.attributes.created_at as string)].sort()[2]!;
    for (const [operator, keep] of [
      ["gt", (t: string) => t > cut],
      ["gte", (t: string) => t >= cut],
      ["lt", (t: string) => t < cut],
      ["lte", (t: string) => t <= cut],
    ] as const) {
      const reply = await api.get(`/people/v2/people?per_page=100&where[created_at][${operator}]=${cut}`);
      expect(
        reply.body.data.map((p: Json) => p.id),
        operator,
      ).toEqual(people.filter((p) => keep(p.attributes.created_at)).map((p) => p.id));
    }
    const grade = people[1]!.attributes.grade as number;
    const graded = await api.get(`/people/v2/people?per_page=100&where[grade][lte]=${grade}`);
    expect(graded.body.data.map((p: Json) => p.id)).toEqual(people.filter((p) => p.attributes.grade <= grade).map((p) => p.id));
  });

  it("filters by an associated record's attribute, as the docs' where[emails][address] example", async () => {
    const [email] = (await api.get("/people/v2/emails?per_page=1")).body.data as Json[];
    const address = email!.attributes.address as string;
    const { records: people } = await everything(
      `/people/v2/people?per_page=100&include=emails&where[emails][address]=${encodeURIComponent(address)}`,
    );
    expect(people.map((p) => p.id)).toContain(email!.relationships.person.data.id);
    for (const person of people) {
      const addresses = await Promise.all(
        (person.relationships.emails.data as Json[]).map(
          async (l) => (await api.get(`/people/v2/emails/${l.id}`)).body.data.attributes.address,
        ),
      );
      expect(addresses).toContain(address);
    }
    expect((await api.get("/people/v2/people?where[emails][shoe_size]=9")).status).toBe(400);
  });

  it("refuses a where it cannot read with a 400 naming the parameter", async () => {
    for (const [query, detail] of [
      ["where[shoe_size]=9", /cannot be queried by shoe_size/],
      ["where[first_name][gt]=A", /compares numbers, ids, dates and times/],
      ["where[created_at]=yesterday", /must be an ISO 8601 date or time/],
      ["where[child]=maybe", /must be true or false/],
    ] as const) {
      const reply = await api.get(`/people/v2/people?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.errors[0].source.parameter, query).toBe(decodeURIComponent(query.split("=")[0]!));
      expect(reply.body.errors[0].detail, query).toMatch(detail);
    }
  });

  it("refuses a malformed query or path with 400", async () => {
    const malformed = await api.get("/people/v2/people?where[first_name=Tim");
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].source).toEqual({ parameter: "where[first_name" });
    expect((await api.get("/people/v2/people/%E0%A4%A")).status).toBe(400);
  });

  it("reports a queryable name it has no data for, and parameters it does not read, as not applied", async () => {
    const reply = await api.get("/people/v2/people?where[search_name]=ada&fields%5BPerson%5D=name&caf%C3%A9=1");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-mock-not-applied")).toBe("where[search_name], fields[Person], caf%C3%A9");
  });

  it("repeats the request's parameters in links.next, sorted, with the next offset", async () => {
    const page = await api.get("/people/v2/people?per_page=2&include=emails");
    expect(page.body.links).toEqual({
      self: `${server.url}/people/v2/people?include=emails&per_page=2`,
      next: `${server.url}/people/v2/people?include=emails&offset=2&per_page=2`,
    });
  });

  it("orders by the documented names, a hyphen reversing", async () => {
    const ascending = (await api.get("/people/v2/people?order=created_at")).body.data.map((p: Json) => p.attributes.created_at);
    expect(ascending).toEqual([...ascending].sort());
    const descending = (await api.get("/people/v2/people?order=-created_at")).body.data.map((p: Json) => p.attributes.created_at);
    expect(descending).toEqual([...ascending].reverse());
    const bad = await api.get("/people/v2/people?order=shoe_size");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].source).toEqual({ parameter: "order" });
  });

  it("accepts the filters an endpoint lists and refuses others with 400", async () => {
    const accepted = await api.get("/people/v2/people?filter=admins");
    expect(accepted.status).toBe(200);
    expect(accepted.body.meta.can_filter).toContain("admins");
    expect(accepted.headers.get("x-mock-not-applied")).toBe("filter=admins");
    const [person] = (await api.get("/people/v2/people?per_page=1")).body.data as Json[];
    expect((await api.get(`/people/v2/people/${person!.id}/messages?filter=unread`)).status).toBe(200);
    const refused = await api.get("/people/v2/emails?filter=admins");
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ status: "400", source: { parameter: "filter" } });
  });

  it("creates a record that a later get returns, with the server's clock in its timestamps", async () => {
    const before = (await api.get("/people/v2/people")).body.meta.total_count as number;
    const created = await api.post("/people/v2/people", {
      data: { type: "Person", attributes: { first_name: "Ada", last_name: "Lovelace", grade: 3, birthdate: "1815-12-10" } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.attributes).toMatchObject({
      first_name: "Ada",
      last_name: "Lovelace",
      grade: 3,
      birthdate: "1815-12-10",
      created_at: "2024-06-01T10:20:30Z",
    });
    expect(created.headers.get("location")).toBe(`${server.url}/people/v2/people/${created.body.data.id}`);
    const got = await api.get(created.headers.get("location")!);
    expect(got.body.data).toEqual(created.body.data);
    expect((await api.get("/people/v2/people")).body.meta.total_count).toBe(before + 1);
  });

  it("creates a record under its parent, which then lists it", async () => {
    const person = (await api.post("/people/v2/people", { data: { type: "Person", attributes: { first_name: "Grace" } } })).body
      .data as Json;
    const email = await api.post(`/people/v2/people/${person.id}/emails`, {
      data: { type: "Email", attributes: { address: "grace@example.com", primary: true } },
    });
    expect(email.status).toBe(201);
    expect(email.body.data.relationships.person.data).toEqual({ type: "Person", id: person.id });
    const listed = await api.get(`/people/v2/people/${person.id}/emails`);
    expect(listed.body.data.map((e: Json) => e.attributes.address)).toEqual(["grace@example.com"]);
    expect(listed.body.meta.parent).toEqual({ type: "Person", id: person.id });
    expect((await api.post("/people/v2/people/123/emails", { data: { type: "Email", attributes: {} } })).status).toBe(404);
  });

  it("refuses a create that sets what the docs do not let it, one 422 error per attribute", async () => {
    const reply = await api.post("/people/v2/people", {
      data: { type: "Person", attributes: { first_name: 7, created_at: "2020-01-01T00:00:00Z", birthdate: "soon" } },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors.map((e: Json) => [e.status, e.source.pointer, e.detail])).toEqual([
      ["422", "/data/attributes/first_name", "first_name must be a string or null"],
      ["422", "/data/attributes/created_at", "created_at is not an attribute you can assign when you create a Person"],
      ["422", "/data/attributes/birthdate", "birthdate must be a date (YYYY-MM-DD) or null"],
    ]);
    expect((await api.post("/people/v2/people", "{not json")).status).toBe(400);
    expect((await api.post("/people/v2/people", { first_name: "no data wrapper" })).status).toBe(400);
    const conflict = await api.post("/people/v2/people", { data: { type: "Email", attributes: {} } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors[0].source).toEqual({ pointer: "/data/type" });
  });

  it("updates the assignable attributes of a record, and refuses the others", async () => {
    const [email] = (await api.get("/people/v2/emails?per_page=1")).body.data as Json[];
    const updated = await api.patch(`/people/v2/emails/${email!.id}`, {
      data: { type: "Email", id: email!.id, attributes: { location: "Work" } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data.attributes).toEqual({ ...email!.attributes, location: "Work", updated_at: "2024-06-01T10:20:30Z" });
    expect((await api.get(`/people/v2/emails/${email!.id}`)).body.data.attributes.location).toBe("Work");
    const refused = await api.patch(`/people/v2/emails/${email!.id}`, { data: { type: "Email", attributes: { blocked: true } } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].source).toEqual({ pointer: "/data/attributes/blocked" });
    expect((await api.patch(`/people/v2/emails/${email!.id}`, { data: { type: "Email", id: "1", attributes: {} } })).status).toBe(409);
  });

  it("deletes a record, after which it is not found", async () => {
    const [phone] = (await api.get("/people/v2/phone_numbers?per_page=1")).body.data as Json[];
    const deleted = await api.delete(`/people/v2/phone_numbers/${phone!.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await api.get(`/people/v2/phone_numbers/${phone!.id}`)).status).toBe(404);
    expect((await api.delete(`/people/v2/phone_numbers/${phone!.id}`)).status).toBe(404);
  });

  it("gives each created record an id no record of its type has had, even after the newest is deleted", async () => {
    const create = async () =>
      (await api.post("/people/v2/school_options", { data: { type: "SchoolOption", attributes: { value: "x" } } })).body.data.id as string;
    const seeded = ((await api.get("/people/v2/school_options?per_page=100")).body.data as Json[]).map((r) => Number(r.id));
    const first = await create();
    expect(Number(first)).toBeGreaterThan(Math.max(...seeded));
    expect((await api.delete(`/people/v2/school_options/${first}`)).status).toBe(204);
    const second = await create();
    expect(Number(second)).toBeGreaterThan(Number(first));
    expect((await api.get(`/people/v2/school_options/${first}`)).status).toBe(404);
  });

  it("serves association paths: a to-many one lists the related records, a to-one one returns its record", async () => {
    const [person] = (await api.get("/people/v2/people?per_page=1")).body.data as Json[];
    const addresses = await api.get(`/people/v2/people/${person!.id}/addresses`);
    expect(addresses.body.data.length).toBeGreaterThan(0);
    for (const address of addresses.body.data) expect(address.relationships.person.data).toEqual({ type: "Person", id: person!.id });
    const address = addresses.body.data[0] as Json;
    expect((await api.get(`/people/v2/people/${person!.id}/addresses/${address.id}`)).body.data).toEqual(address);

    const [email] = (await api.get("/people/v2/emails?per_page=1")).body.data as Json[];
    const owner = await api.get(`/people/v2/emails/${email!.id}/person`);
    expect(owner.status).toBe(200);
    expect(owner.body.data).toMatchObject({ type: "Person", id: email!.relationships.person.data.id });
  });

  it("runs actions with POST, on records that exist", async () => {
    const [person] = (await api.get("/people/v2/people?per_page=1")).body.data as Json[];
    expect((await api.post(`/people/v2/people/${person!.id}/staff_only_reset_age_checks`)).status).toBe(204);
    expect((await api.post("/people/v2/people/123/staff_only_reset_age_checks")).status).toBe(404);
  });

  it("answers HEAD as GET, with the headers and no body", async () => {
    const get = await fetch(`${server.url}/people/v2/people?per_page=1`);
    const head = await fetch(`${server.url}/people/v2/people?per_page=1`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(head.headers.get("x-pco-api-processed-as-version")).toBe("2025-03-20");
    expect(await head.text()).toBe("");
    expect((await fetch(`${server.url}/people/v2/nothing`, { method: "HEAD" })).status).toBe(404);
  });

  it("answers a wrong method with 405 and Allow, an unknown path with 404", async () => {
    const wrong = await api.delete("/people/v2/people");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    const unknown = await api.get("/people/v2/nothing_here");
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].detail).toBe("No endpoint matches GET /people/v2/nothing_here");
    expect((await api.get("/nothing/v2/people")).status).toBe(404);
  });

  it("keeps each server's records to itself", async () => {
    const other = await startMockServer({ specs, port: 0 });
    try {
      const total = (await client(other.url).get("/people/v2/people")).body.meta.total_count as number;
      expect(total).toBeLessThan((await api.get("/people/v2/people")).body.meta.total_count);
    } finally {
      await other.close();
    }
  });
});

describe("a mock server with two versions of an app", () => {
  it("serves the newest by default, and the version X-PCO-API-Version asks for", async () => {
    const current = specs.find((s) => s.app === "webhooks")!;
    const older: Spec = { ...current, version: "2018-08-01", resources: current.resources.filter((r) => r.type !== "AvailableEvent") };
    const both = await startMockServer({ specs: [older, current], port: 0 });
    try {
      const newest = await client(both.url).get("/webhooks/v2/available_events");
      expect(newest.status).toBe(200);
      expect(newest.headers.get("x-pco-api-processed-as-version")).toBe(current.version);
      expect((await client(both.url, { "X-PCO-API-Version": "2018-08-01" }).get("/webhooks/v2/available_events")).status).toBe(404);
      const unknown = await client(both.url, { "X-PCO-API-Version": "1999-01-01" }).get("/webhooks/v2/available_events");
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].source).toEqual({ header: "X-PCO-API-Version" });
    } finally {
      await both.close();
    }
  });
});

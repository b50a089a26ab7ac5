/**
 * The generated People client against the mock server, both built from the
 * committed spec, over real HTTP on 127.0.0.1: what a user's own tests do.
 * Nothing is mocked in between.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, PcoError } from "../../generated/clients/people/index.js";
import { startMockServer, type MockServer } from "../../generator/mock/server.js";
import { loadSpecFile } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";

const auth = { appId: "app", secret: "secret" };
let spec: Spec;

beforeAll(async () => {
  const loaded = await loadSpecFile(path.join(REPO_ROOT, "spec/people/2025-03-20.json"));
  expect(loaded.diagnostics).toEqual([]);
  spec = loaded.value[0]!;
});

describe("the People client on the mock server", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ spec, port: 0, auth });
  });
  afterAll(() => server.close());
  const client = () => createClient({ baseUrl: server.url, auth });

  it("lists a page and walks every page to the end", async () => {
    const pco = client();
    const first = await pco.people.list({ perPage: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.links?.next).toMatch(new RegExp(`^${server.url}/people/v2/people\\?`));
    const total = first.meta?.total_count;
    expect(total).toBeGreaterThan(2);
    const seen: string[] = [];
    for await (const person of pco.people.each({ perPage: 2 })) seen.push(person.id);
    expect(seen).toHaveLength(total!);
    expect(new Set(seen).size).toBe(total);
  });

  it("resolves included records onto their parent", async () => {
    const page = await client().people.list({ perPage: 5, include: ["emails"] });
    const withEmails = page.data.filter((person) => person.emails.length > 0);
    expect(withEmails.length).toBeGreaterThan(0);
    for (const person of withEmails) {
      for (const email of person.emails) expect(email.type).toBe("Email");
    }
  });

  it("filters by a documented filter, and the mock refuses an undocumented one", async () => {
    const pco = client();
    const filter = spec.resources.find((r) => r.type === "Person")!.endpoints.find((e) => e.operation === "list")!.filters![0]!.name;
    await expect(pco.people.list({ filter: filter as never })).resolves.toHaveProperty("data");
    await expect(pco.people.list({ filter: "no_such_filter" as never })).rejects.toMatchObject({ status: 400 });
  });

  it("creates a record, then gets it back", async () => {
    const pco = client();
    const created = await pco.people.create({ first_name: "Ada", last_name: "Lovelace" });
    const fetched = await pco.people.get(created.data.id);
    expect(fetched.data.attributes.first_name).toBe("Ada");
    expect(fetched.data.attributes.last_name).toBe("Lovelace");
  });

  it("turns a 404 into a typed PcoError", async () => {
    const error = await client()
      .people.get("999999999")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PcoError);
    expect((error as PcoError).status).toBe(404);
  });

  it("is refused without credentials", async () => {
    const anonymous = createClient({ baseUrl: server.url });
    await expect(anonymous.people.list()).rejects.toMatchObject({ status: 401 });
  });
});

describe("the People client on a rate-limited mock server", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ spec, port: 0, rateLimit: { limit: 3, periodSeconds: 1 } });
  });
  afterAll(() => server.close());

  it("meets a 429, waits its Retry-After and gets its answer", async () => {
    // Another program with the same (absent) credentials has used the window up.
    const used = await Promise.all([1, 2, 3, 4].map(() => fetch(`${server.url}/people/v2/people`)));
    expect(used.map((r) => r.status)).toContain(429);
    const started = Date.now();
    const page = await createClient({ baseUrl: server.url }).people.list({ perPage: 1 });
    expect(page.data).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});

/**
 * The mock server under hostile clients: a 40 KB create holding an array
 * nested 20,000 levels deep is refused before it is stored (and the
 * collection keeps answering), 50,000 distinct credentials do not grow
 * the rate-limit window past its bound, and what clients store is bounded
 * (a 507 past it, room again after a delete).
 */
import { describe, expect, it } from "vitest";
import { MAX_LISTED_ERRORS } from "../../generator/dataset/errors.js";
import { MAX_RATE_KEYS, SlidingWindow } from "../../generator/mock/rate-limit.js";
import { startMockServer } from "../../generator/mock/server.js";
import { committedSpecs } from "../fixtures-render/committed-specs.js";
import { client } from "../mock/http.js";

const SCHOOL_OPTIONS = "/people/v2/school_options";

describe("the mock server's limits", () => {
  it("refuses a create nested 20,000 levels deep with a 400, stores nothing, and the collection keeps working", async () => {
    const server = await startMockServer({ specs: await committedSpecs(), port: 0 });
    try {
      const api = client(server.url);
      const before = await api.get(SCHOOL_OPTIONS);
      expect(before.status).toBe(200);
      // school_types is an assignable array attribute: the deep value fits its documented type.
      const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
      const body = `{"data": {"type": "SchoolOption", "attributes": {"value": "x", "school_types": ${deep}}}}`;
      expect(body.length).toBeGreaterThan(40_000);
      const refused = await api.post(SCHOOL_OPTIONS, body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].detail).toMatch(/nested more than 100 levels deep \(line 1, column \d+\)/);

      const after = await api.get(SCHOOL_OPTIONS);
      expect(after.status).toBe(200);
      expect(after.body.data).toEqual(before.body.data);
      const created = await api.post(SCHOOL_OPTIONS, { data: { type: "SchoolOption", attributes: { value: "y", school_types: [["a"]] } } });
      expect(created.status).toBe(201);
      expect((await api.get(SCHOOL_OPTIONS)).body.data).toHaveLength(before.body.data.length + 1);
    } finally {
      await server.close();
    }
  });

  it("lists at most MAX_LISTED_ERRORS errors for a body of 5,000 unknown attributes, the last counting the rest", async () => {
    const server = await startMockServer({ specs: await committedSpecs(), port: 0 });
    try {
      const attributes = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`unknown_${i}`, 1]));
      const refused = await client(server.url).post(SCHOOL_OPTIONS, { data: { type: "SchoolOption", attributes } });
      expect(refused.status).toBe(422);
      const errors = refused.body.errors as { detail: string; source: { pointer: string } }[];
      expect(errors).toHaveLength(MAX_LISTED_ERRORS);
      expect(errors[0]!.source.pointer).toBe("/data/attributes/unknown_0");
      expect(errors.at(-2)!.source.pointer).toBe(`/data/attributes/unknown_${MAX_LISTED_ERRORS - 2}`);
      expect(errors.at(-1)).toMatchObject({
        detail: `and ${(5_000 - MAX_LISTED_ERRORS + 1).toLocaleString("en-US")} more members of the body are at fault`,
        source: { pointer: "/data" },
      });
    } finally {
      await server.close();
    }
  });

  it("remembers at most MAX_RATE_KEYS keys, however many distinct credentials arrive", () => {
    let now = 0;
    const window = new SlidingWindow({ limit: 100, periodSeconds: 20 }, () => now);
    let admitted = 0;
    for (let i = 0; i < 50_000; i += 1) {
      now += 0.01; // 50,000 keys inside one 20 s window: none has expired
      if (window.take(`Bearer key-${i}`).allowed) admitted += 1;
    }
    expect(admitted).toBe(50_000);
    expect(window.size).toBe(MAX_RATE_KEYS);
    // The most recent key is still counted; its second request is its second.
    expect(window.take("Bearer key-49999").count).toBe(2);
  });

  it("forgets keys whose requests have all left the window", () => {
    let now = 0;
    const window = new SlidingWindow({ limit: 3, periodSeconds: 1 }, () => now, 100);
    for (let i = 0; i < 50; i += 1) window.take(`key-${i}`);
    expect(window.size).toBe(50);
    now += 5_000;
    window.take("late");
    expect(window.size).toBe(1);
  });

  it("still refuses a key over its limit while others come and go", () => {
    const now = 0;
    const window = new SlidingWindow({ limit: 2, periodSeconds: 10 }, () => now, 5);
    window.take("busy");
    window.take("busy");
    for (let i = 0; i < 3; i += 1) window.take(`other-${i}`);
    expect(window.take("busy")).toMatchObject({ allowed: false, count: 3 });
  });
});

describe("what clients may store in the mock server", () => {
  const schoolOption = (value: string) => ({ data: { type: "SchoolOption", attributes: { value } } });

  it("refuses a create past its bound on records with a 507 and stores nothing; a delete makes room", async () => {
    const server = await startMockServer({ specs: await committedSpecs(), port: 0, storage: { createdRecords: 2 } });
    try {
      const api = client(server.url);
      const seeded = (await api.get(SCHOOL_OPTIONS)).body.meta.total_count as number;
      const ids: string[] = [];
      for (const value of ["a", "b"]) {
        const created = await api.post(SCHOOL_OPTIONS, schoolOption(value));
        expect(created.status).toBe(201);
        ids.push(created.body.data.id);
      }
      const refused = await api.post(SCHOOL_OPTIONS, schoolOption("c"));
      expect(refused.status).toBe(507);
      expect(refused.body.errors[0]).toMatchObject({ status: "507", title: "Insufficient Storage", code: "storage_full" });
      expect(refused.body.errors[0].detail).toBe(
        "The mock server stores at most 2 created records and 256 MiB of written records; delete records or start a new server",
      );
      // Another app's resource counts against the same bound: it is the server's memory.
      expect((await api.post("/people/v2/people", { data: { type: "Person", attributes: { first_name: "Ada" } } })).status).toBe(507);
      expect((await api.get(SCHOOL_OPTIONS)).body.meta.total_count).toBe(seeded + 2);

      // Deleting a seeded record frees nothing clients stored; deleting a created one does.
      const seededId = ((await api.get(`${SCHOOL_OPTIONS}?per_page=1`)).body.data[0] as { id: string }).id;
      expect((await api.delete(`${SCHOOL_OPTIONS}/${seededId}`)).status).toBe(204);
      expect((await api.post(SCHOOL_OPTIONS, schoolOption("c"))).status).toBe(507);
      expect((await api.delete(`${SCHOOL_OPTIONS}/${ids[0]}`)).status).toBe(204);
      expect((await api.post(SCHOOL_OPTIONS, schoolOption("c"))).status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it("counts what written records hold: a create or an update past the bound is refused, a smaller value gives room back", async () => {
    const server = await startMockServer({ specs: await committedSpecs(), port: 0, storage: { writtenBytes: 20_000 } });
    try {
      const api = client(server.url);
      const large = "x".repeat(8_000);
      const first = await api.post(SCHOOL_OPTIONS, schoolOption(large));
      expect(first.status).toBe(201);
      expect((await api.post(SCHOOL_OPTIONS, schoolOption(large))).status).toBe(201);
      const refused = await api.post(SCHOOL_OPTIONS, schoolOption(large));
      expect(refused.status).toBe(507);
      expect(refused.body.errors[0].detail).toBe(
        "The mock server stores at most 100,000 created records and 20,000 bytes of written records; delete records or start a new server",
      );

      const path = `${SCHOOL_OPTIONS}/${first.body.data.id}`;
      const grow = await api.patch(path, {
        data: { type: "SchoolOption", id: first.body.data.id, attributes: { value: `${large}${large}` } },
      });
      expect(grow.status).toBe(507);
      expect((await api.get(path)).body.data.attributes.value).toBe(large);

      const shrink = await api.patch(path, { data: { type: "SchoolOption", id: first.body.data.id, attributes: { value: "short" } } });
      expect(shrink.status).toBe(200);
      expect((await api.post(SCHOOL_OPTIONS, schoolOption(large))).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});

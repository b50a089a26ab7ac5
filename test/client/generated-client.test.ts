/**
 * Rendered clients, imported and driven against a real HTTP server on
 * 127.0.0.1: the route tables send each call to the documented path, with the
 * spec's version, types and bodies. (The types themselves are checked by the
 * tsc test; here the clients are plain modules.)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { writeTree } from "../../generator/emit.js";
import { clientRenderer } from "../../generator/render/client/renderer.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { pathShape } from "../../generator/spec/paths.js";
import type { Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { startServer, type TestServer } from "./server.js";

type Client = any;

let dir: string;
let server: TestServer;
let specs: Spec[];
let createClient: (app: string) => Promise<Client>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-client-run-"));
  specs = [...(await loadSpecs(path.join(REPO_ROOT, "spec"))).value, ...(await loadSpecs(path.join(REPO_ROOT, "test/client/specs"))).value];
  const rendered = await clientRenderer.render(specs);
  await writeTree({ root: dir, files: rendered.value, owns: () => true });
  server = await startServer();
  createClient = async (app) => {
    const module = (await import(path.join(dir, "clients", app, "index.ts"))) as { createClient: (options: object) => Client };
    return module.createClient({ baseUrl: server.url, auth: { appId: "app", secret: "secret" } });
  };
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ json: { data: [] } }));
});

const record = (type: string, id: string, relationships?: object) => ({
  type,
  id,
  attributes: {},
  ...(relationships ? { relationships } : {}),
});
const sent = () =>
  server.requests.map((r) => `${r.method} ${r.path}${r.query.size > 0 ? `?${decodeURIComponent(r.query.toString())}` : ""}`);

describe("the People client", () => {
  test("every top-level collection lists at its documented path, with the spec's version", async () => {
    const people = specs.find((s) => s.app === "people")!;
    const documented = new Set(
      people.resources.flatMap((r) => r.endpoints.filter((e) => e.operation === "list").map((e) => pathShape(e.path))),
    );
    const pco = await createClient("people");
    const names = Object.keys(Object.getPrototypeOf(pco) as object).filter((name) => typeof pco[name].list === "function");
    for (const name of names) await pco[name].list();

    expect(names.length).toBeGreaterThan(30);
    expect(server.requests.every((r) => documented.has(r.path))).toBe(true);
    expect(new Set(server.requests.map((r) => r.headers["x-pco-api-version"]))).toEqual(new Set([people.version]));
  });

  test("the issue's walk-through reaches the documented paths", async () => {
    server.handle((request) =>
      request.path === "/people/v2/people" && request.method === "GET"
        ? {
            json: {
              data: [record("Person", "1", { emails: { data: [{ type: "Email", id: "9" }] } })],
              included: [{ type: "Email", id: "9", attributes: { address: "tim@example.com" } }],
            },
          }
        : request.method === "DELETE"
          ? { status: 204 }
          : { json: { data: record("Person", "1") } },
    );
    const pco = await createClient("people");
    const page = await pco.people.list({
      where: { first_name: "Tim", created_at: { gte: "2024-01-01" } },
      include: ["emails"],
      order: "-created_at",
      perPage: 50,
    });
    await pco.people.get("1");
    await pco.people.create({ first_name: "Ada" });
    await pco.people.update("1", { last_name: "Lovelace" });
    await pco.people.delete("1");
    await pco.people.id("1").emails.list();
    await pco.people.id("1").emails.create({ address: "ada@example.com" });
    await pco.lists.id("5").run();
    await pco.organization.get();
    await pco.people.id("1").primaryCampus.get();
    await pco.people.id("1").workflowCards.id("2").snooze({ duration: 15 });

    expect(page.data[0].emails[0].attributes.address).toBe("tim@example.com");
    expect(sent()).toEqual([
      "GET /people/v2/people?where[first_name]=Tim&where[created_at][gte]=2024-01-01&include=emails&order=-created_at&per_page=50",
      "GET /people/v2/people/1",
      "POST /people/v2/people",
      "PATCH /people/v2/people/1",
      "DELETE /people/v2/people/1",
      "GET /people/v2/people/1/emails",
      "POST /people/v2/people/1/emails",
      "POST /people/v2/lists/5/run",
      "GET /people/v2",
      "GET /people/v2/people/1/primary_campus",
      "POST /people/v2/people/1/workflow_cards/2/snooze",
    ]);
    const bodies = server.requests.filter((r) => r.body !== "").map((r) => JSON.parse(r.body));
    expect(bodies).toEqual([
      { data: { type: "Person", attributes: { first_name: "Ada" } } },
      { data: { type: "Person", id: "1", attributes: { last_name: "Lovelace" } } },
      { data: { type: "Email", attributes: { address: "ada@example.com" } } },
      { data: { attributes: { duration: 15 } } },
    ]);
  });
});

describe("other apps", () => {
  test("Groups: a nested include is sent dotted and resolved onto its parent; a relational where is sent bracketed", async () => {
    server.handle(() => ({
      json: {
        data: [record("Event", "1", { group: { data: { type: "Group", id: "2" } } })],
        included: [
          record("Group", "2", { location: { data: { type: "Location", id: "3" } } }),
          { type: "Location", id: "3", attributes: { name: "Hall" } },
        ],
      },
    }));
    const groups = await createClient("groups");
    const page = await groups.events.list({
      include: ["group.location"],
      where: {
        group: { name: "Youth", group_type: { id: "4" } },
        location: { group: { archive_status: "not_archived" } },
        starts_at: { gte: "2026-01-01" },
      },
    });

    expect(sent()).toEqual([
      "GET /groups/v2/events?where[group][name]=Youth&where[group][group_type][id]=4&where[location][group][archive_status]=not_archived&where[starts_at][gte]=2026-01-01&include=group.location",
    ]);
    expect(page.data[0].group.id).toBe("2");
    expect(page.data[0].group.location.attributes.name).toBe("Hall");
  });

  test("the current user: me.get() asks for /people/v2/me", async () => {
    server.handle(() => ({ json: { data: record("Person", "1") } }));
    const people = await createClient("people");
    const me = await people.me.get({ include: ["emails"] });
    expect(sent()).toEqual(["GET /people/v2/me?include=emails"]);
    expect(me.data.id).toBe("1");
  });

  test("an action whose example names its type sends it (Groups' assign_campuses)", async () => {
    server.handle(() => ({ status: 204 }));
    const groups = await createClient("groups");
    await groups.groups.id("7").assignCampuses({ campus_ids: ["1", "2"] });
    expect(sent()).toEqual(["POST /groups/v2/groups/7/assign_campuses"]);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ data: { type: "GroupAssignCampuses", attributes: { campus_ids: ["1", "2"] } } });
  });

  test("a client from legacy docs sends no version header", async () => {
    const resources = await createClient("resources");
    await resources.roomSetups.list();
    expect(sent()).toEqual(["GET /resources/v2/room_setups"]);
    expect(server.requests[0]!.headers["x-pco-api-version"]).toBeUndefined();
  });
});

describe("the hostile client", () => {
  test("renamed members reach the paths the docs named, and no handle looks like a promise", async () => {
    server.handle((request) => (request.method === "POST" ? { status: 204 } : { json: { data: record("Promise", "1") } }));
    const pco = await createClient("hostile");
    const object = pco.objects.id(1);
    expect(await object).toBe(object);
    await object.then2.get();
    await object.then3();
    await object.proto.get();
    await object.constructor2();
    await object.delete2.get();
    await object.firstName.get();
    await object.firstName2.get();
    await object.run({ nested: { deep: true } });

    expect(sent()).toEqual([
      "GET /hostile/v2/objects/1/then",
      "POST /hostile/v2/objects/1/then",
      "GET /hostile/v2/objects/1/__proto__",
      "POST /hostile/v2/objects/1/constructor",
      "GET /hostile/v2/objects/1/delete",
      "GET /hostile/v2/objects/1/firstName",
      "GET /hostile/v2/objects/1/first_name",
      "POST /hostile/v2/objects/1/run",
    ]);
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ data: { type: "Run*/", attributes: { nested: { deep: true } } } });
    expect(Object.getPrototypeOf(pco.objects)).not.toBe(Object.prototype);
  });

  test("an include named __proto__ is resolved as an own property", async () => {
    server.handle(() => ({
      text: '{"data":{"type":"Object","id":"1","attributes":{},"relationships":{"__proto__":{"data":{"type":"Promise","id":"2"}}}},"included":[{"type":"Promise","id":"2","attributes":{"then":"x"}}]}',
    }));
    const pco = await createClient("hostile");
    const object = (await pco.objects.get("1", { include: ["__proto__"] })).data;
    expect(Object.getOwnPropertyDescriptor(object, "__proto__")?.value).toEqual({ type: "Promise", id: "2", attributes: { then: "x" } });
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
  });
});

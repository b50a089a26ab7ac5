/**
 * Which handles a client offers: small hand-written specs for each rule, and
 * the committed specs checked against themselves (every documented path is
 * either reachable through the client or reported).
 */
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { associationIsToMany, includeIsToMany } from "../../generator/spec/cardinality.js";
import { buildNavigation, type Member, type Navigation } from "../../generator/render/client/navigation.js";
import { pathShape } from "../../generator/spec/paths.js";
import { loadSpecs } from "../../generator/spec/load.js";
import type { Resource, Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { resource } from "../helpers/spec-builder.js";

const spec = (resources: Resource[]): Spec => ({
  specVersion: 1,
  app: "demo",
  version: "2024-01-01",
  title: "Demo",
  baseUrl: "https://api.example.com",
  source: { format: "portal", location: "test" },
  resources,
});

const crud = (collection: string, id: string) => [
  { operation: "list" as const, method: "GET" as const, path: collection },
  { operation: "get" as const, method: "GET" as const, path: `${collection}/{${id}}` },
  { operation: "create" as const, method: "POST" as const, path: collection },
  { operation: "update" as const, method: "PATCH" as const, path: `${collection}/{${id}}` },
  { operation: "delete" as const, method: "DELETE" as const, path: `${collection}/{${id}}` },
];
const allowed = { create: true, update: true, destroy: true };

describe("to-one or to-many", () => {
  const owner = resource("Person", {
    relationships: [
      { name: "series", target: "Series", toMany: false },
      { name: "options", target: "Option", toMany: true },
    ],
  });
  test.each([
    ["the relationship of the same name decides, over grammar", "series", false],
    ["the relationship of the same name decides", "options", true],
    ["without one, a plural name is to-many", "emails", true],
    ["without one, a singular name is to-one", "primary_campus", false],
    ["a word both singular and plural counts as plural", "media", true],
  ])("%s (%s)", (_, name, toMany) => {
    expect(includeIsToMany(name, owner, new Map())).toBe(toMany);
  });

  test("an association whose path is the target's own record is one record, whatever its name", () => {
    const target = resource("Organization", { endpoints: [{ operation: "get", method: "GET", path: "/demo/v2" }] });
    expect(associationIsToMany({ name: "organizations", target: "Organization", path: "/demo/v2", filters: [] }, owner, target)).toBe(
      false,
    );
  });
});

describe("navigation of a small spec", () => {
  const person = resource("Person", {
    endpoints: crud("/demo/v2/people", "person_id"),
    permissions: allowed,
    associations: [
      { name: "emails", target: "Email", path: "/demo/v2/people/{person_id}/emails", filters: [{ name: "primary" }] },
      { name: "organization", target: "Organization", path: "/demo/v2/people/{person_id}/organization", filters: [] },
      { name: "elsewhere", target: "Email", path: "/demo/v2/emails/{email_id}/elsewhere", filters: [] },
    ],
    actions: [{ name: "merge", path: "/demo/v2/people/{person_id}/merge" }],
  });
  const email = resource("Email", {
    endpoints: [
      { operation: "list", method: "GET", path: "/demo/v2/emails" },
      { operation: "get", method: "GET", path: "/demo/v2/emails/{email_id}" },
      { operation: "create", method: "POST", path: "/demo/v2/people/{person_id}/emails" },
      { operation: "delete", method: "DELETE", path: "/demo/v2/emails/{email_id}" },
    ],
    permissions: { create: true, update: false, destroy: false },
  });
  const organization = resource("Organization", {
    endpoints: [{ operation: "get", method: "GET", path: "/demo/v2" }],
    actions: [{ name: "rebuild", path: "/demo/v2/rebuild" }],
  });
  let navigation: ReturnType<typeof buildNavigation>;
  beforeAll(() => {
    navigation = buildNavigation(spec([person, email, organization]));
  });
  const summary = (members: readonly Member[]) =>
    members.map((m) =>
      m.kind === "collection"
        ? `${m.wire} ${m.suffix} list=${m.list} create=${m.create} byId=${m.byId}`
        : `${m.wire} ${m.suffix} ${m.kind}`,
    );

  test("the client's members are the top-level collections and records", () => {
    expect(summary(navigation.value.root)).toEqual([
      "emails /demo/v2/emails list=true create=false byId=true",
      "people /demo/v2/people list=true create=true byId=true",
      "organization /demo/v2 single",
    ]);
  });

  test("a record's members are its associations and actions, each offering only what is documented and permitted", () => {
    const record = navigation.value.records.get("Person")!;
    expect([record.get, record.update, record.delete]).toEqual([true, true, true]);
    expect(summary(record.members)).toEqual([
      "emails /emails list=true create=true byId=false",
      "organization /organization single",
      "merge /merge action",
    ]);
    // Deleting an Email is documented, but its permissions forbid it.
    expect(navigation.value.records.get("Email")!.delete).toBe(false);
  });

  test("what the client cannot reach is reported", () => {
    const shown = navigation.diagnostics.map((d) => `${d.pointer} ${d.severity} ${d.code}`).sort();
    expect(shown).toEqual([
      // Person.elsewhere hangs under an Email, not under a Person.
      "/resources/0/associations/2 info CLIENT_UNREACHABLE",
      // Email's delete is documented but not permitted.
      "/resources/1/endpoints/3 info CLIENT_UNREACHABLE",
    ]);
    expect(summary(navigation.value.records.get("Organization")!.members)).toEqual(["rebuild /rebuild action"]);
  });

  test("a path segment that could climb the path is left out, with a warning", () => {
    const climbing = resource("Person", {
      endpoints: crud("/demo/v2/people", "person_id"),
      permissions: allowed,
      associations: [{ name: "up", target: "Person", path: "/demo/v2/people/{person_id}/..", filters: [] }],
    });
    const result = buildNavigation(spec([climbing]));
    expect(result.value.records.get("Person")!.members).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(["CLIENT_BAD_PATH /resources/0/associations/0/path"]);
  });
});

describe("the committed specs", () => {
  let specs: Spec[];
  let navigations: Map<string, ReturnType<typeof buildNavigation>>;
  beforeAll(async () => {
    specs = (await loadSpecs(path.join(REPO_ROOT, "spec"))).value;
    navigations = new Map(specs.map((s) => [`${s.app}/${s.version}`, buildNavigation(s)]));
  });
  const of = (s: Spec) => navigations.get(`${s.app}/${s.version}`)!;

  test("every list path without ids is a top-level collection named after its last segment", () => {
    for (const s of specs) {
      const expected = new Set(
        s.resources.flatMap((r) =>
          r.endpoints.filter((e) => e.operation === "list" && !pathShape(e.path).includes("*")).map((e) => pathShape(e.path)),
        ),
      );
      const collections = of(s).value.root.filter((m) => m.kind === "collection");
      expect(collections.map((m) => m.suffix).sort(), s.app).toEqual([...expected].sort());
      for (const m of collections) expect(m.wire).toBe(m.suffix.split("/").pop());
    }
  });

  test("every association and action is a member of its resource's record, or reported", () => {
    for (const s of specs) {
      const navigation: Navigation = of(s).value;
      const reported = new Set(
        of(s)
          .diagnostics.filter((d) => /\/(associations|actions)\/\d+(\/path)?$/.test(d.pointer ?? ""))
          .map((d) => d.pointer!.replace(/\/path$/, "")),
      );
      s.resources.forEach((r, i) => {
        const members = navigation.records.get(r.type)!.members;
        r.associations.forEach((a, j) => {
          const member = members.some((m) => m.kind !== "action" && m.wire === a.name && m.template === a.path);
          expect(member !== reported.has(`/resources/${i}/associations/${j}`), `${s.app} ${r.type}.${a.name}`).toBe(true);
        });
        r.actions.forEach((a, j) => {
          const member = members.some((m) => m.kind === "action" && m.wire === a.name);
          expect(member !== reported.has(`/resources/${i}/actions/${j}`), `${s.app} ${r.type}.${a.name}`).toBe(true);
        });
      });
    }
  });

  test("most documented endpoints are reachable; the rest are reported one by one", () => {
    let endpoints = 0;
    let unreachable = 0;
    // A record by id under a to-one association is the association's own record, which its handle's
    // get() reads: the client offers no id() there, and such routes are left out of the count.
    const underToOne = (s: Spec, r: Resource, e: Resource["endpoints"][number]) => {
      const owner = s.resources.find((x) => x.type === e.via?.resource);
      const association = owner?.associations.find((a) => a.name === e.via?.association);
      return e.operation !== "list" && association !== undefined && !associationIsToMany(association, owner!, r);
    };
    for (const s of specs) {
      const counted = new Set(
        s.resources.flatMap((r, i) => r.endpoints.flatMap((e, j) => (underToOne(s, r, e) ? [] : [`/resources/${i}/endpoints/${j}`]))),
      );
      endpoints += counted.size;
      unreachable += of(s).diagnostics.filter((d) => d.code === "CLIENT_UNREACHABLE" && counted.has(d.pointer ?? "")).length;
    }
    expect(endpoints).toBeGreaterThan(0);
    // What stays out: ids under a to-one association (the spec derives a get by id for every resource),
    // /me, and records the docs never document a path for (Services' series/{series_id}/plans/{plan_id}/...).
    expect(unreachable / endpoints).toBeLessThan(0.1);
  });

  test("every resource's actions post to their name", () => {
    const withActions = specs.flatMap((spec) => spec.resources.filter((r) => r.actions.length > 0).map((resource) => ({ spec, resource })));
    expect(withActions.length).toBeGreaterThan(0);
    for (const { spec, resource } of withActions) {
      const offered = of(spec)
        .value.records.get(resource.type)!
        .members.filter((m) => m.kind === "action");
      expect(
        offered.map((m) => m.suffix),
        `${spec.app} ${resource.type}`,
      ).toEqual(resource.actions.map((a) => `/${a.name}`));
    }
  });
});

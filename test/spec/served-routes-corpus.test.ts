/**
 * The documentation API alone, against the official OpenAPI document of the same
 * app-version: the routes derived from the vertices cover the operations the
 * official document lists. The official operations are recounted here from the
 * JSON itself (method + `servers[0].url` prefix + path, parameter names blanked),
 * not through any reader of the project. Every official operation the spec
 * lacks is named below with its reason.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { collectSpecs } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import type { Spec } from "../../generator/spec/types.js";
import { corpusPath, DOCS_DIR, describeCorpus } from "../helpers/corpus.js";

type Json = Record<string, any>;

const shape = (p: string) => p.replace(/\{[^{}]*\}/g, "{}");

/** `METHOD /app/v2/path` of every operation of an official document. */
function officialOperations(app: string, version: string): Set<string> {
  const file = path.join(DOCS_DIR, "openapi", "official-2026-07", app, "v2", "open_api", `${version}.json`);
  const doc = JSON.parse(readFileSync(file, "utf8")) as Json;
  const prefix = new URL(doc.servers[0].url as string).pathname.replace(/\/$/, "");
  const operations = new Set<string>();
  for (const [route, item] of Object.entries(doc.paths as Json)) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      if ((item as Json)[method] !== undefined) operations.add(`${method.toUpperCase()} ${shape(prefix + route)}`);
    }
  }
  return operations;
}

/** Every route of a spec: endpoints, associations (GET) and actions (POST). */
function specRoutes(spec: Spec): Set<string> {
  return new Set(
    spec.resources.flatMap((r) => [
      ...r.endpoints.map((e) => `${e.method} ${shape(e.path)}`),
      ...r.associations.map((a) => `GET ${shape(a.path)}`),
      ...r.actions.map((a) => `POST ${shape(a.path)}`),
    ]),
  );
}

/**
 * Operations the official document (served in 2026) lists that the captured
 * documentation API (2025) does not describe at all: no vertex, edge or action
 * of that name exists in the capture. Real drift within one version.
 */
const NOT_IN_THE_DOCUMENTATION_API: Record<string, Record<string, string>> = {
  groups: {
    "GET /groups/v2/groups/{}/my_membership": "no vertex documents a my_membership edge",
    "GET /groups/v2/groups/{}/my_membership/{}": "no vertex documents a my_membership edge",
    "PATCH /groups/v2/groups/{}/my_membership/{}": "no vertex documents a my_membership edge",
    "DELETE /groups/v2/groups/{}/my_membership/{}": "no vertex documents a my_membership edge",
    "GET /groups/v2/events/{}/rsvps": "no RSVP vertex and no rsvps edge in the capture",
    "POST /groups/v2/groups/{}/duplicate": "Group documents the actions assign_campuses, disable_chat and enable_chat only",
  },
  webhooks: {},
};

const VERSIONS = { groups: "2023-07-10", webhooks: "2022-10-20" } as const;

describeCorpus("every route the API serves, from the documentation API alone", () => {
  const specs = new Map<string, Spec>();

  beforeAll(async () => {
    const result = await collectSpecs({
      from: [parseSourceOperand(`portal:${corpusPath("portal", "captured-2025-07")}`)],
      versions: { kind: "latest" },
    });
    for (const spec of result.specs) specs.set(`${spec.app}/${spec.version}`, spec);
  });

  for (const [app, version] of Object.entries(VERSIONS)) {
    it(`${app} ${version}: every official operation is derived, or named with its reason`, () => {
      const official = officialOperations(app, version);
      const routes = specRoutes(specs.get(`${app}/${version}`)!);
      const missing = [...official].filter((o) => !routes.has(o)).sort();
      expect(missing).toEqual(Object.keys(NOT_IN_THE_DOCUMENTATION_API[app]!).sort());
    });

    it(`${app} ${version}: of what the documentation API describes, every operation is derived`, () => {
      const official = [...officialOperations(app, version)].filter((o) => !(o in NOT_IN_THE_DOCUMENTATION_API[app]!));
      const routes = specRoutes(specs.get(`${app}/${version}`)!);
      expect(official.filter((o) => routes.has(o)).length / official.length).toBe(1);
    });
  }

  it("the named exceptions really are absent from the captured documents", () => {
    const folder = path.join(DOCS_DIR, "portal", "captured-2025-07", "groups", "v2", "documentation", "2023-07-10", "vertices");
    const text = ["group.json", "event.json", "membership.json"].map((f) => readFileSync(path.join(folder, f), "utf8")).join("\n");
    expect(text).not.toMatch(/my_membership|rsvp|duplicate/i);
  });

  it("groups: the share of all official operations, drift included, is what the exceptions leave", () => {
    const official = officialOperations("groups", VERSIONS.groups);
    const routes = specRoutes(specs.get(`groups/${VERSIONS.groups}`)!);
    const covered = [...official].filter((o) => routes.has(o)).length;
    expect(covered).toBe(official.size - Object.keys(NOT_IN_THE_DOCUMENTATION_API.groups!).length);
  });

  it("item routes under associations follow the target's permissions", () => {
    const groups = specs.get(`groups/${VERSIONS.groups}`)!;
    const membership = groups.resources.find((r) => r.type === "Membership")!;
    const underPerson = membership.endpoints.filter((e) => e.path === "/groups/v2/people/{person_id}/memberships/{membership_id}");
    expect(underPerson.map((e) => e.method).sort()).toEqual(["DELETE", "GET", "PATCH"]);
    expect(underPerson.every((e) => e.via?.resource === "Person" && e.via.association === "memberships")).toBe(true);
    const campus = groups.resources.find((r) => r.type === "Campus")!;
    expect(campus.permissions.update).toBe(false);
    expect(campus.endpoints.filter((e) => e.path === "/groups/v2/groups/{group_id}/campuses/{campus_id}").map((e) => e.method)).toEqual(["GET"]);
    const attendance = groups.resources.find((r) => r.type === "Attendance")!;
    expect(attendance.collectionOnly).toBe(true);
    expect(attendance.endpoints.some((e) => e.path.endsWith("/attendances/{attendance_id}"))).toBe(false);
  });

  it("/me is the current Person where the app documents one", () => {
    const me = (key: string) =>
      specs
        .get(key)!
        .resources.flatMap((r) => r.endpoints.filter((e) => e.currentUser).map((e) => `${r.type} ${e.method} ${e.path}`));
    expect(me(`groups/${VERSIONS.groups}`)).toEqual(["Person GET /groups/v2/me"]);
    expect(me(`webhooks/${VERSIONS.webhooks}`)).toEqual([]);
  });
});

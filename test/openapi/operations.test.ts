/**
 * Operations: one for every method and URL the spec documents (endpoints,
 * associations by GET, actions by POST), with operationIds that follow from
 * the URL alone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { operationIdOf } from "../../generator/render/openapi/naming.js";
import { latestDatedPerApp } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { committedSpecs, edgeSpec, operationsOf, render, type RenderedDocument } from "./documents.js";

/** The spec's (method, path) pairs, counted straight from the spec. */
function documentedUrls(spec: Spec): Set<string> {
  const urls = new Set<string>();
  for (const resource of spec.resources) {
    for (const e of resource.endpoints) urls.add(`${e.method} ${e.path}`);
    for (const a of resource.associations) urls.add(`GET ${a.path}`);
    for (const a of resource.actions) urls.add(`POST ${a.path}`);
  }
  return urls;
}

let specs: Spec[];
let documents: RenderedDocument[];
beforeAll(async () => {
  specs = await committedSpecs();
  documents = await render(specs);
});
const documentOf = (spec: Spec) => documents.find((d) => d.path === `openapi/${spec.app}-${spec.version}.json`)!.document;

describe("count", () => {
  it("has one operation per documented method and URL, for every committed spec", () => {
    for (const spec of specs) {
      const operations = operationsOf(documentOf(spec)).map((o) => o.key);
      expect(new Set(operations), `${spec.app} ${spec.version}`).toEqual(documentedUrls(spec));
      expect(operations).toHaveLength(documentedUrls(spec).size);
    }
  });

  it("has in the combined document every operation of the latest version of each app", () => {
    const combined = documents.find((d) => d.path === "openapi/latest.json")!.document;
    const expected = latestDatedPerApp(specs).reduce((n, spec) => n + documentedUrls(spec).size, 0);
    expect(operationsOf(combined)).toHaveLength(expected);
  });

  it("has one operation per documented method and URL in the edge spec, though some are written otherwise", async () => {
    const [document] = await render([edgeSpec()]);
    expect(operationsOf(document!.document)).toHaveLength(documentedUrls(edgeSpec()).size);
  });
});

describe("operationIds", () => {
  const cases: [string, { method: "GET" | "POST" | "PATCH" | "DELETE"; path: string; want: string }][] = [
    ["a collection", { method: "GET", path: "/people/v2/people", want: "getPeopleV2People" }],
    ["a record", { method: "PATCH", path: "/people/v2/people/{person_id}", want: "patchPeopleV2PeopleByPersonId" }],
    ["an association", { method: "GET", path: "/people/v2/people/{person_id}/field_data", want: "getPeopleV2PeopleByPersonIdFieldData" }],
    [
      "an action",
      { method: "POST", path: "/check-ins/v2/events/{event_id}/rotate_secret", want: "postCheckInsV2EventsByEventIdRotateSecret" },
    ],
    ["the app's root", { method: "GET", path: "/webhooks/v2", want: "getWebhooksV2" }],
  ];
  it.each(cases)("%s", (_, { method, path, want }) => {
    expect(operationIdOf(method, path)).toBe(want);
  });

  it("are unique in every document", () => {
    for (const { path, document } of documents) {
      const ids = operationsOf(document).map((o) => o.operation.operationId);
      expect(new Set(ids).size, path).toBe(ids.length);
    }
  });

  it("stay the same when the docs change other operations", async () => {
    const people = specs.find((s) => s.app === "people")!;
    const before = new Map(operationsOf(documentOf(people)).map((o) => [o.key, o.operation.operationId]));
    const changed: Spec = {
      ...people,
      resources: people.resources
        .filter((r) => r.type !== "Email")
        .map((r) => (r.type === "Person" ? { ...r, associations: r.associations.slice(1), description: "Changed." } : r)),
    };
    const [after] = await render([changed]);
    const kept = operationsOf(after!.document);
    expect(kept.length).toBeLessThan(before.size);
    for (const { key, operation } of kept) expect(operation.operationId, key).toBe(before.get(key));
  });
});

describe("URLs the docs describe twice", () => {
  it("write several actions at one URL as one operation that names them all", async () => {
    const webhooks = specs.find((s) => s.app === "webhooks" && s.version !== "legacy")!;
    const owner = webhooks.resources.find((r) => r.actions.length > 0)!;
    const first = owner.actions[0]!;
    const twin = { ...first, name: `${first.name}_again` };
    const spec: Spec = { ...webhooks, resources: webhooks.resources.map((r) => (r === owner ? { ...r, actions: [...r.actions, twin] } : r)) };
    const [document] = await render([spec]);
    const sources = document!.document.paths[first.path]!.post!["x-pco-sources"] as { kind: string; name: string }[];
    expect(sources.filter((s) => s.kind === "action").map((s) => s.name)).toEqual([first.name, twin.name]);
  });

  it("take an association at another resource's collection into that list", () => {
    const people = specs.find((s) => s.app === "people")!;
    const list = documentOf(people).paths["/people/v2/people"]!.get!;
    expect(list.operationId).toBe("getPeopleV2People");
    expect(list.tags).toEqual(["Person"]);
    expect(list["x-pco-sources"]).toContainEqual({ kind: "association", resource: "Organization", name: "people" });
  });
});

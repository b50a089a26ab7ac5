/**
 * Operations: one for every method and URL the spec documents (endpoints,
 * associations by GET, actions by POST); their ids are tested in
 * operation-ids.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { latestDatedPerApp } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { committedSpecs, edgeSpec, operationsOf, render, type RenderedDocument } from "./documents.js";

/** The spec's (method, path) pairs, counted straight from the spec. */
function documentedUrls(spec: Spec): Set<string> {
  const urls = new Set<string>();
  for (const resource of spec.resources) {
    for (const e of resource.endpoints) urls.add(`${e.method} ${uniqueParameters(e.path)}`);
    for (const a of resource.associations) urls.add(`GET ${uniqueParameters(a.path)}`);
    for (const a of resource.actions) urls.add(`POST ${uniqueParameters(a.path)}`);
  }
  return urls;
}

/** OpenAPI names each path parameter once: the docs' second `{check_in_id}` in one path is `{check_in_id_2}`. */
function uniqueParameters(path: string): string {
  const seen = new Map<string, number>();
  return path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? `{${name}}` : `{${name}_${count}}`;
  });
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
  it("stay the same when the docs change other operations", async () => {
    const people = specs.find((s) => s.app === "people")!;
    const leader = (o: ReturnType<typeof operationsOf>[number]) => JSON.stringify((o.operation["x-pco-sources"] as unknown[])[0]);
    const before = new Map(operationsOf(documentOf(people)).map((o) => [o.key, { id: o.operation.operationId, leader: leader(o) }]));
    const changed: Spec = {
      ...people,
      resources: people.resources
        .filter((r) => r.type !== "Email")
        .map((r) => (r.type === "Person" ? { ...r, associations: r.associations.slice(1), description: "Changed." } : r)),
    };
    const [after] = await render([changed]);
    // Operations that Email led or that go through an Email are gone or led by another item now.
    const kept = operationsOf(after!.document).filter((o) => before.get(o.key)?.leader === leader(o) && !o.key.includes("/emails"));
    expect(kept.length).toBeLessThan(before.size);
    expect(kept.length).toBeGreaterThan(before.size / 2);
    for (const { key, operation } of kept) expect(operation.operationId, key).toBe(before.get(key)!.id);
  });
});

describe("URLs the docs describe twice", () => {
  it("write several actions at one URL as one operation that names them all", async () => {
    const webhooks = specs.find((s) => s.app === "webhooks" && s.version !== "legacy")!;
    const owner = webhooks.resources.find((r) => r.actions.length > 0)!;
    const first = owner.actions[0]!;
    const twin = { ...first, name: `${first.name}_again` };
    const spec: Spec = {
      ...webhooks,
      resources: webhooks.resources.map((r) => (r === owner ? { ...r, actions: [...r.actions, twin] } : r)),
    };
    const [document] = await render([spec]);
    const sources = document!.document.paths[first.path]!.post!["x-pco-sources"] as { kind: string; name: string }[];
    expect(sources.filter((s) => s.kind === "action").map((s) => s.name)).toEqual([first.name, twin.name]);
  });

  it("take an association at another resource's collection into that list", () => {
    const people = specs.find((s) => s.app === "people")!;
    const list = documentOf(people).paths["/people/v2/people"]!.get!;
    expect(list.operationId).toBe("listPeople");
    expect(list.tags).toEqual(["Person"]);
    expect(list["x-pco-sources"]).toContainEqual({ kind: "association", resource: "Organization", name: "people" });
  });
});

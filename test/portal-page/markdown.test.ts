/**
 * Developer-portal pages saved as markdown (portal-pages/markdown-2025) read
 * into the same spec as the documentation API's JSON of the same versions
 * (portal/captured-2025-07): fact for fact on resources, attributes,
 * relationships, associations and their filters, where/order/include, actions
 * and endpoints. What the pages do not show is named here.
 */
import { beforeAll, expect, it } from "vitest";
import type { Resource, Spec } from "../../generator/spec/types.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";
import { errorsOf, scrape, specOf } from "../slate/read.js";

const VERSIONS = { groups: "2023-07-10", publishing: "2024-03-25", webhooks: "2022-10-20" } as const;
const APPS = Object.keys(VERSIONS) as (keyof typeof VERSIONS)[];
const PAGES = corpusPath("portal-pages", "markdown-2025");

const sorted = <T>(items: T[]) => items.map((i) => JSON.stringify(i)).sort();

/** The facts the pages and the JSON both carry. */
function facts(resource: Resource) {
  return {
    id: resource.id,
    path: resource.path,
    attributes: sorted(resource.attributes.map((a) => [a.name, a.type])),
    relationships: sorted(resource.relationships.map((r) => [r.name, r.target, r.toMany, r.polymorphic === true])),
    associations: sorted(resource.associations.map((a) => [a.name, a.target, a.path, a.filters.map((f) => f.name).sort()])),
    where: sorted(resource.query.where.map((w) => [w.name, w.type])),
    order: [...resource.query.order].sort(),
    include: [...resource.query.include].sort(),
    assignableIncludes: resource.query.assignableIncludes,
    paging: [resource.query.perPage, resource.query.offset],
    actions: sorted(resource.actions.map((a) => [a.name, a.path])),
    endpoints: sorted(resource.endpoints.map((e) => [e.operation, e.method, e.path, (e.filters ?? []).map((f) => f.name).sort()])),
    permissions: [
      resource.permissions.create,
      resource.permissions.update,
      resource.permissions.destroy,
      resource.permissions.createAttributes,
      resource.permissions.updateAttributes,
    ],
  };
}

describeCorpus("developer-portal pages saved as markdown (markdown-2025)", () => {
  const pages = new Map<string, Spec>();
  const json = new Map<string, Spec>();
  let notPages: string[] = [];

  beforeAll(async () => {
    const read = await scrape(`portal-page:${PAGES}`);
    expect(errorsOf(read.diagnostics)).toEqual([]);
    notPages = read.diagnostics.filter((d) => d.code === "PAGE_NOT_A_PAGE").map((d) => d.file!);
    for (const app of APPS) pages.set(app, specOf(read, app));
    const portal = await scrape(`portal:${corpusPath("portal", "captured-2025-07")}`);
    for (const app of APPS) json.set(app, specOf(portal, app));
  });

  it("reads the folder and its sub-folders into one spec per app, at the version the pages' links name", () => {
    expect(APPS.map((app) => [pages.get(app)!.version, pages.get(app)!.source.format])).toEqual(
      APPS.map((app) => [VERSIONS[app], "portal-page-markdown"]),
    );
    // The app's version page (index.md) and an unrelated note saved beside them are not resource pages.
    expect(notPages.sort()).toEqual(
      [
        `${PAGES}/groups.md`,
        `${PAGES}/groups/index.md`,
        `${PAGES}/publishing/index.md`,
        `${PAGES}/webhooks.md`,
        `${PAGES}/publishing.md`,
        `${PAGES}/webhooks/index.md`,
      ].sort(),
    );
  });

  it.each(APPS)(
    "%s: every resource, attribute, relationship, association, filter, query parameter, action and endpoint equals the JSON's",
    (app) => {
      const fromPages = pages.get(app)!.resources;
      const fromJson = json.get(app)!.resources;
      expect(fromPages.map((r) => r.type)).toEqual(fromJson.map((r) => r.type));
      for (const resource of fromJson) {
        const page = fromPages.find((r) => r.type === resource.type)!;
        // The pages do not say that a resource is only ever listed (below), so a page spec also serves
        // such a record by id: those routes follow from the missing fact and are left out here.
        const byIdRoutes = new Set(["get", "update", "delete"]);
        const comparable =
          resource.collectionOnly === true ? { ...page, endpoints: page.endpoints.filter((e) => !byIdRoutes.has(e.operation)) } : page;
        expect(facts(comparable), resource.type).toEqual(facts(resource));
      }
    },
  );

  it.each(APPS)("%s: what the pages do not show: attribute permissions, relationship authorization, collection-only", (app) => {
    const fromPages = pages.get(app)!.resources;
    const fromJson = json.get(app)!.resources;
    expect(fromJson.some((r) => r.attributes.some((a) => a.permission !== undefined))).toBe(true);
    expect(fromPages.flatMap((r) => r.attributes.filter((a) => a.permission !== undefined))).toEqual([]);
    expect(fromJson.some((r) => r.relationships.some((x) => x.authorization !== undefined))).toBe(true);
    expect(fromPages.flatMap((r) => r.relationships.filter((x) => x.authorization !== undefined))).toEqual([]);
    expect(fromPages.filter((r) => r.collectionOnly === true)).toEqual([]);
  });

  it("a polymorphic relationship, whose type cell names no target, takes the example object's", () => {
    const speakership = pages.get("publishing")!.resources.find((r) => r.type === "Speakership")!;
    expect(speakership.relationships).toEqual([{ name: "speaker", target: "Speaker", toMany: false, polymorphic: true }]);
  });
});

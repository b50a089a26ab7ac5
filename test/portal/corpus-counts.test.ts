/**
 * For each of the 14 captured app-versions, the spec holds exactly what the
 * documents hold: counts of unique, non-empty names per resource, computed here
 * straight from the raw JSON, independently of the reader.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { collectSpecs } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import type { Spec } from "../../generator/spec/types.js";
import { corpusPath, DOCS_DIR, describeCorpus } from "../helpers/corpus.js";

interface Counts {
  resources: number;
  attributes: number;
  relationships: number;
  associations: number;
  actions: number;
  where: number;
  order: number;
  include: number;
  creatable: number;
  updatable: number;
  destroyable: number;
}

type Json = Record<string, any>;

/** Counts taken from the documents themselves. */
function documentCounts(versionFolder: string): Counts {
  const folder = path.join(versionFolder, "vertices");
  const vertices = readdirSync(folder).map((f) => (JSON.parse(readFileSync(path.join(folder, f), "utf8")) as Json).data as Json);
  const unique = (vertex: Json, section: string) =>
    new Set(((vertex.relationships[section]?.data ?? []) as Json[]).map((i) => i.attributes.name).filter((n) => n)).size;
  const sum = (section: string) => vertices.reduce((n, v) => n + unique(v, section), 0);
  const can = (flag: string) => vertices.filter((v) => v.relationships.permissions.data.attributes[flag] === true).length;
  return {
    resources: new Set(vertices.map((v) => v.attributes.name)).size,
    attributes: sum("attributes"),
    relationships: sum("relationships"),
    associations: sum("outbound_edges"),
    actions: sum("actions"),
    where: sum("can_query"),
    order: sum("can_order"),
    include: sum("can_include"),
    creatable: can("can_create"),
    updatable: can("can_update"),
    destroyable: can("can_destroy"),
  };
}

function specCounts(spec: Spec): Counts {
  const sum = (f: (r: Spec["resources"][number]) => number) => spec.resources.reduce((n, r) => n + f(r), 0);
  return {
    resources: spec.resources.length,
    attributes: sum((r) => r.attributes.length),
    relationships: sum((r) => r.relationships.length),
    associations: sum((r) => r.associations.length),
    actions: sum((r) => r.actions.length),
    where: sum((r) => r.query.where.length),
    order: sum((r) => r.query.order.length),
    include: sum((r) => r.query.include.length),
    creatable: spec.resources.filter((r) => r.permissions.create).length,
    updatable: spec.resources.filter((r) => r.permissions.update).length,
    destroyable: spec.resources.filter((r) => r.permissions.destroy).length,
  };
}

const CAPTURES = ["captured-2022-12", "captured-2025-07"] as const;

describeCorpus("portal captures: the spec holds what the documents hold", () => {
  const specs = new Map<string, Spec>();

  beforeAll(async () => {
    for (const capture of CAPTURES) {
      const result = await collectSpecs({
        from: [parseSourceOperand(`portal:${corpusPath("portal", capture)}`)],
        versions: { kind: "latest" },
      });
      expect(result.withheld).toEqual([]);
      for (const spec of result.specs) specs.set(`${capture}/${spec.app}/${spec.version}`, spec);
    }
  });

  it("reads all 14 app-versions, 7 from each capture", () => {
    expect([...specs.keys()].filter((k) => k.startsWith("captured-2022-12/"))).toHaveLength(7);
    expect([...specs.keys()].filter((k) => k.startsWith("captured-2025-07/"))).toHaveLength(7);
  });

  for (const capture of CAPTURES) {
    const root = path.join(DOCS_DIR, "portal", capture);
    const appVersions = readdirSafe(root).flatMap((app) =>
      readdirSafe(path.join(root, app, "v2", "documentation")).map((version) => ({ app, version })),
    );
    for (const { app, version } of appVersions) {
      it(`${capture} ${app} ${version}`, () => {
        const spec = specs.get(`${capture}/${app}/${version}`);
        expect(spec, `no spec for ${app} ${version}`).toBeDefined();
        expect(specCounts(spec!)).toEqual(documentCounts(path.join(root, app, "v2", "documentation", version)));
      });
    }
  }

  it("people 2025-03-20 has the figures the docs give", () => {
    const counts = specCounts(specs.get("captured-2025-07/people/2025-03-20")!);
    expect(counts).toMatchObject({
      resources: 62,
      attributes: 447,
      relationships: 69,
      associations: 134,
      actions: 12,
      where: 184,
      order: 204,
      include: 76,
      creatable: 34,
    });
  });

  it("templates 2022 sample ids and 2025 named parameters to the same paths", () => {
    const old = specs.get("captured-2022-12/people/2022-07-14")!;
    const recent = specs.get("captured-2025-07/people/2025-03-20")!;
    const paths = (spec: Spec, type: string) => spec.resources.find((r) => r.type === type)!.associations.map((a) => a.path);
    expect(paths(old, "Person")).toContain("/people/v2/people/{person_id}/addresses");
    expect(paths(recent, "Person")).toContain("/people/v2/people/{person_id}/addresses");
    const allPaths = [...specs.values()].flatMap((s) =>
      s.resources.flatMap((r) => [
        ...r.endpoints.map((e) => e.path),
        ...r.associations.map((a) => a.path),
        ...r.actions.map((a) => a.path),
      ]),
    );
    expect(allPaths.filter((p) => /\/\d+(\/|$)/.test(p) || !p.startsWith("/"))).toEqual([]);
  });
});

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

/** Small hand-written specs for the comparison's rules, each test stating only what it is about. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serializeSpec, specFileName } from "../../generator/spec/serialize.js";
import { SPEC_VERSION, type Resource, type Spec } from "../../generator/spec/types.js";

export function resource(type: string, fields: Partial<Resource> = {}): Resource {
  const id = type.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
  return {
    type,
    id,
    deprecated: false,
    attributes: [{ name: "id", type: "primary_key" }],
    relationships: [],
    associations: [],
    actions: [],
    endpoints: [],
    query: { where: [], order: [], include: [] },
    permissions: { create: false, update: false, destroy: false },
    ...fields,
  };
}

export function spec(resources: Resource[], fields: Partial<Spec> = {}): Spec {
  return {
    specVersion: SPEC_VERSION,
    app: "people",
    version: "2025-03-20",
    title: "Planning Center People",
    baseUrl: "https://api.planningcenteronline.com",
    source: { format: "portal", location: "test" },
    resources,
    ...fields,
  };
}

/** A spec folder as scrape writes it: `<folder>/<app>/<version>.json`. */
export function writeSpecFolder(folder: string, specs: readonly Spec[]): string {
  for (const spec of specs) {
    const file = path.join(folder, specFileName(spec));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, serializeSpec(spec));
  }
  return folder;
}

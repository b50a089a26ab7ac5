/**
 * Same docs, same bytes: two runs agree, and so does a run that lists the
 * files backwards and finishes reading them in a scrambled order.
 */
import { expect, it } from "vitest";
import { buildSpecs } from "../../generator/scrape.js";
import { folderStore } from "../../generator/sources/portal/folder-store.js";
import { readPortal } from "../../generator/sources/portal/reader.js";
import type { PortalStore } from "../../generator/sources/portal/store.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";

/** Lists backwards and answers reads after a delay that depends on the path. */
function scrambled(store: PortalStore): PortalStore {
  const delay = (key: string) => [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 97, 7) % 13;
  return {
    location: store.location,
    listApps: async () => (await store.listApps())?.reverse(),
    listVersions: async (app) => (await store.listVersions(app)).reverse(),
    listVertices: async (app, version) => (await store.listVertices(app, version)).reverse(),
    read: async (path) => {
      await new Promise((resolve) => setTimeout(resolve, delay(path)));
      return store.read(path);
    },
  };
}

async function specBytes(store: PortalStore): Promise<string[]> {
  const read = await readPortal(store, { versions: { kind: "all" }, concurrency: 16 });
  return buildSpecs([read], { versions: { kind: "all" } }).specs.map(serializeSpec);
}

describeCorpus("determinism", () => {
  for (const capture of ["captured-2022-12", "captured-2025-07"]) {
    it(`${capture}: two runs and a scrambled run write identical bytes`, async () => {
      const store = folderStore(corpusPath("portal", capture));
      const first = await specBytes(store);
      expect(first.length).toBe(7);
      expect(await specBytes(store)).toEqual(first);
      expect(await specBytes(scrambled(store))).toEqual(first);
    });
  }
});

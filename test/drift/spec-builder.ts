/** Small hand-written specs for the comparison's rules, each test stating only what it is about. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { serializeSpec, specFileName } from "../../generator/spec/serialize.js";
import type { Spec } from "../../generator/spec/types.js";

export { resource, spec } from "../helpers/spec-builder.js";

/** A spec folder as scrape writes it: `<folder>/<app>/<version>.json`. */
export function writeSpecFolder(folder: string, specs: readonly Spec[]): string {
  for (const spec of specs) {
    const file = path.join(folder, specFileName(spec));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, serializeSpec(spec));
  }
  return folder;
}

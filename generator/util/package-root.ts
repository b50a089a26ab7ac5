/**
 * The folder of pco-codegen's own package.json: where its committed files
 * (`overrides.json`) are, whether the generator runs from its sources, from
 * `dist/`, or installed under `node_modules/`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("the package.json of pco-codegen was not found");
    dir = parent;
  }
  return dir;
}

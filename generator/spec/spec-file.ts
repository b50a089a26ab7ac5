import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import { compareText } from "../util/order.js";

/** Spec files are exactly `<app>/<version>.json`; anything else in the folder is not a spec. */
export const SPEC_FILE = /^[^/]+\/[^/]+\.json$/;

/**
 * The most a spec file may hold: 32 MiB, a hundred times the largest spec of
 * the whole API. A larger file is not a spec, and reading and parsing it would
 * take gigabytes and minutes.
 */
export const MAX_SPEC_BYTES = 32 * 1024 * 1024;

/**
 * The spec files of a folder, `<app>/<version>.json`, sorted: two levels are
 * read and nothing below them, so a `--spec` naming a home folder (or one
 * holding a tree nested past the longest path) costs two levels, not a walk
 * of everything under it.
 */
export function listSpecFiles(folder: string): string[] {
  const files: string[] = [];
  for (const app of entriesOf(folder)) {
    if (!app.isDirectory()) continue;
    for (const file of entriesOf(path.join(folder, app.name))) if (file.isFile()) files.push(`${app.name}/${file.name}`);
  }
  return files.filter((file) => SPEC_FILE.test(file)).sort(compareText);
}

/** A folder's entries; none where it cannot be read (it is then no folder of specs). */
function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

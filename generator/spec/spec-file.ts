import { readdirSync, statSync, type Dirent } from "node:fs";
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
 * of everything under it. A symbolic link to an app's folder or to a spec
 * counts as what it points to (two levels cannot loop); one that leads
 * nowhere is nothing.
 */
export function listSpecFiles(folder: string): string[] {
  const files: string[] = [];
  for (const app of entriesOf(folder)) {
    if (kindOf(app, folder) !== "folder") continue;
    const appFolder = path.join(folder, app.name);
    for (const file of entriesOf(appFolder)) if (kindOf(file, appFolder) === "file") files.push(`${app.name}/${file.name}`);
  }
  return files.filter((file) => SPEC_FILE.test(file)).sort(compareText);
}

function kindOf(entry: Dirent, parent: string): "folder" | "file" | undefined {
  if (entry.isDirectory()) return "folder";
  if (entry.isFile()) return "file";
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const target = statSync(path.join(parent, entry.name));
    return target.isDirectory() ? "folder" : target.isFile() ? "file" : undefined;
  } catch {
    return undefined;
  }
}

/** A folder's entries; none where it cannot be read (it is then no folder of specs). */
function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Every file under a folder, relative (`/` separators), sorted; none when the
 * folder does not exist. Listed folder by folder, synchronously: for the tens
 * of thousands of entries of a large output, the thread pool's round trips
 * cost more than the listing.
 *
 * Node's own recursive listing gives up whole on the first folder it cannot
 * read: an output holding a folder nested past the longest path the system
 * takes was listed as empty, so `check` called every file missing and
 * `generate` stumbled on files it thought absent. A folder below the root
 * that cannot be read is an error naming it.
 */
import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import { GeneratorError } from "../diagnostics.js";
import { displayPath } from "../util/display-path.js";
import { compareText } from "../util/order.js";
import { readFailure } from "../util/read-capped.js";

export async function listFiles(root: string): Promise<string[]> {
  const folder = path.resolve(root);
  const files: string[] = [];
  // Each folder with its path relative to the root, `` or ending in `/`.
  const pending: [string, string][] = [[folder, ""]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [absolute, relative] = next;
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      if (relative === "") return [];
      throw unlistable(folder, relative, error);
    }
    for (const entry of entries) {
      if (entry.isDirectory()) pending.push([path.join(absolute, entry.name), `${relative}${entry.name}/`]);
      else if (entry.isFile()) files.push(`${relative}${entry.name}`);
    }
  }
  return files.sort(compareText);
}

/** Names the folder by its first levels under the root: the one that failed may be thousands of characters deep. */
function unlistable(root: string, relative: string, error: unknown): GeneratorError {
  const levels = relative.split("/").filter(Boolean);
  const shown = levels.length > 3 ? `${levels.slice(0, 3).join("/")}/… (${levels.length} levels deep)` : levels.join("/");
  return new GeneratorError(`cannot list ${displayPath(root)}: the folder ${shown} cannot be read (${readFailure(error)})`, {
    exitCode: 2,
    cause: error,
  });
}

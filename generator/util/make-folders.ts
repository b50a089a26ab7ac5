/**
 * `mkdir -p` that always ends. Node's recursive mkdir (sync and async) loops
 * forever where a folder exists yet nothing can be made in it: under /proc,
 * mkdir answers ENOENT, the parent is there, and Node tries again, so
 * `generate --out /proc/self/x/y` hung at full CPU. Here each missing folder
 * is made once, from the top down, and the first that cannot be made throws.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

export function makeFolders(folder: string): void {
  try {
    makeFolder(folder);
  } catch (error) {
    const parent = path.dirname(folder);
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || parent === folder) throw error;
    makeFolders(parent);
    // Once more, now that the parent is there: a second ENOENT is the answer, not a reason to loop.
    makeFolder(folder);
  }
}

/** One folder, whose parent exists; one that is already there (made by another process, say) is fine. */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw error;
  }
}

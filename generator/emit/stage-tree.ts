/**
 * A new tree, file by file, into a staging folder swapped in at the end: the
 * writer that lets `generate` render one spec at a time and drop what it has
 * written. Each file given is compared with the output's (a file of another
 * size is not read); the staging folder is made at the first difference, and
 * holds only the new and changed files: the swap (`swap-in.ts`) carries the
 * output's other entries over. Files the caller knows to be current are kept
 * without being read. Owned files neither given nor kept are removed. Nothing
 * is swapped in when nothing differs, or when the caller discards the tree.
 */
import { lstatSync, writeFileSync } from "node:fs";
import { lstat, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { makeFolders } from "../util/make-folders.js";
import type { OutputFile, TreeDifference } from "../emit.js";
import { compareText } from "../util/order.js";
import { swapFolders, swapIn } from "./swap-in.js";
import { sameContents } from "./same-contents.js";
import { writePiecesSync } from "../util/write-whole.js";

export interface TreeWriter {
  /** A file of the new tree: written where the output's differs. */
  put(file: OutputFile): Promise<void>;
  /** A file of the new tree that the output already holds as it should be (the caller has checked it): left alone. */
  keep(relativePath: string): void;
}

export interface StageOptions {
  /** Owned files of the output as they are now, relative. */
  existing: ReadonlySet<string>;
  /** Where writing is not allowed (no lock could be taken): the error to throw at the first difference. */
  refuseWrites?: unknown;
  beforeSwap?: () => void;
}

/**
 * Runs `fill` with a writer for the folder `root` (absolute, locked by the
 * caller); `fill` returns whether to keep the tree it gave. Returns what
 * changed (nothing when discarded).
 */
export async function stageTree(
  root: string,
  options: StageOptions,
  fill: (writer: TreeWriter) => Promise<boolean>,
): Promise<TreeDifference> {
  const folders = swapFolders(root, process.pid);
  const { staging } = folders;
  const difference: TreeDifference = { missing: [], changed: [], extra: [] };
  const given = new Set<string>();
  const hadRoot = await isFolder(root);
  const placeable = placeableIn(root, options.existing);
  let staged = false;
  const stage = async (): Promise<void> => {
    if (staged) return;
    if (options.refuseWrites !== undefined) throw options.refuseWrites;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging);
    staged = true;
  };
  // Folders of the staging tree known to exist: each is made once.
  const stagedFolders = new Set<string>();
  const writer: TreeWriter = {
    async put(file) {
      assertSafePath(file.path);
      given.add(file.path);
      const present = options.existing.has(file.path);
      // A file the output has is encoded once, to compare and then to write where it differs; a new one is written from its text.
      // A file in pieces is encoded piece by piece, for each.
      const contents = file.pieces ?? (present ? Buffer.from(file.contents, "utf8") : file.contents);
      if (present && sameContents(path.join(root, file.path), contents)) return;
      // A new file must find its place free in the output, where the swap will carry the rest over.
      if (!present && hadRoot) placeable(file.path);
      await stage();
      const target = path.join(staging, file.path);
      const folder = path.dirname(target);
      if (!stagedFolders.has(folder)) {
        makeFolders(folder);
        stagedFolders.add(folder);
      }
      // Synchronous writes: a thousand small files cost several times less than through the thread pool.
      if (typeof contents === "string" || Buffer.isBuffer(contents)) writeFileSync(target, contents);
      else writePiecesSync(target, contents);
      (present ? difference.changed : difference.missing).push(file.path);
    },
    keep(relativePath) {
      if (!options.existing.has(relativePath)) throw new Error(`cannot keep ${relativePath}: the output does not hold it`);
      given.add(relativePath);
    },
  };
  try {
    const commit = await fill(writer);
    if (!commit) {
      if (staged) await rm(staging, { recursive: true, force: true });
      return { missing: [], changed: [], extra: [] };
    }
    difference.extra = [...options.existing].filter((file) => !given.has(file)).sort(compareText);
    if (difference.extra.length > 0) await stage();
    if (staged) {
      options.beforeSwap?.();
      swapIn(folders, difference.extra);
    }
  } catch (error) {
    // A swap that could not even put the output back leaves it to the next run (`swap-in.ts`).
    const halfSwapped = await isFolder(folders.previous);
    if (staged && !halfSwapped) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  difference.missing.sort(compareText);
  difference.changed.sort(compareText);
  return difference;
}

/**
 * A check, for each new file, that the output has no entry at its path and
 * only folders on the way there (or owned files, which the new tree removes),
 * so that the swap cannot meet a file where a folder must be, nor carry over
 * something the new file would hide. Each folder is looked at once.
 */
function placeableIn(root: string, existing: ReadonlySet<string>): (relative: string) => void {
  const fine = new Set<string>();
  const refuse = (relative: string, code: string) => {
    throw Object.assign(new Error(`${code}: ${relative} is taken in the output`), { code, path: path.join(root, relative) });
  };
  const entryAt = (relative: string) => {
    try {
      return lstatSync(path.join(root, relative));
    } catch {
      return undefined;
    }
  };
  return (relative) => {
    if (entryAt(relative) !== undefined) refuse(relative, "EEXIST");
    for (let folder = path.posix.dirname(relative); folder !== "." && !fine.has(folder); folder = path.posix.dirname(folder)) {
      const stats = entryAt(folder);
      if (stats !== undefined && !stats.isDirectory() && !existing.has(folder)) refuse(folder, "ENOTDIR");
      fine.add(folder);
    }
  };
}

/** An empty segment, `.` or `..`: found without splitting the path. */
const UNSAFE_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * Whether a relative output path stays inside the tree and is already normal:
 * segments joined by single slashes, none empty, `.` or `..` (so not
 * absolute either). Checked by segments, not by normalizing: a record of
 * thousands of files is checked on every generate.
 */
export function isSafeRelativePath(relative: string): boolean {
  return !UNSAFE_SEGMENT.test(relative);
}

/** Output paths come from names in the docs: none may climb out of the tree. */
export function assertSafePath(relative: string): void {
  if (!isSafeRelativePath(relative)) throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relative)}`);
}

export async function isFolder(target: string): Promise<boolean> {
  try {
    return (await lstat(target)).isDirectory();
  } catch {
    return false;
  }
}

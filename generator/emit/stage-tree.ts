/**
 * A new tree, file by file, into a staging folder swapped in at the end: the
 * writer that lets `generate` render one spec at a time and drop what it has
 * written. Each file given is compared with the output's (a file of another
 * size is not read); the staging folder, hard links to the output's files, is
 * made at the first difference, and only new and changed files are written
 * into it. Files the caller knows to be current are kept without being read.
 * Owned files neither given nor kept are removed. Nothing is swapped in when
 * nothing differs, or when the caller discards the tree.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { lstat, mkdir, readdir, rename, rm, rmdir, unlink } from "node:fs/promises";
import path from "node:path";
import type { OutputFile, TreeDifference } from "../emit.js";
import { compareText } from "../util/order.js";
import { linkTree } from "./link-tree.js";
import { removeTree } from "./remove-tree.js";
import { sameContents } from "./same-contents.js";

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
  const staging = `${root}.staging-${process.pid}`;
  const difference: TreeDifference = { missing: [], changed: [], extra: [] };
  const given = new Set<string>();
  let staged = false;
  const stage = async (): Promise<void> => {
    if (staged) return;
    if (options.refuseWrites !== undefined) throw options.refuseWrites;
    await rm(staging, { recursive: true, force: true });
    if (await isFolder(root)) linkTree(root, staging);
    else await mkdir(staging);
    staged = true;
  };
  // Folders of the staging tree known to exist: each is made once.
  const folders = new Set<string>();
  const writer: TreeWriter = {
    async put(file) {
      assertSafePath(file.path);
      given.add(file.path);
      const present = options.existing.has(file.path);
      if (present && sameContents(path.join(root, file.path), file.contents)) return;
      await stage();
      const target = path.join(staging, file.path);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      // A changed file is a hard link to the old tree's: unlink it first, never write through it.
      rmSync(target, { force: true });
      // Synchronous writes: a thousand small files cost several times less than through the thread pool.
      writeFileSync(target, file.contents);
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
    if (difference.extra.length > 0) {
      await stage();
      for (const extra of difference.extra) await unlink(path.join(staging, extra));
      await removeEmptiedFolders(staging, difference.extra);
    }
    if (staged) await swap(root, staging, options.beforeSwap);
  } catch (error) {
    if (staged) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  difference.missing.sort(compareText);
  difference.changed.sort(compareText);
  return difference;
}

/** The staging folder in the output's place, by two renames; then the previous tree is removed. */
async function swap(root: string, staging: string, beforeSwap?: () => void): Promise<void> {
  const previous = `${root}.previous-${process.pid}`;
  beforeSwap?.();
  const hadRoot = await isFolder(root);
  if (hadRoot) await rename(root, previous);
  try {
    await rename(staging, root);
  } catch (error) {
    if (hadRoot) await rename(previous, root);
    throw error;
  }
  if (hadRoot) removeTree(previous);
}

/**
 * Folders the removals left empty, from the deepest up to the root (not
 * included). Folders that were empty already are not the writer's to remove.
 */
async function removeEmptiedFolders(staging: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removed) {
    for (let folder = path.posix.dirname(file); folder !== "."; folder = path.posix.dirname(folder)) folders.add(folder);
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length || compareText(a, b))) {
    const full = path.join(staging, folder);
    if ((await readdir(full).catch(() => ["?"])).length === 0) await rmdir(full);
  }
}

/**
 * Whether a relative output path stays inside the tree and is already normal:
 * segments joined by single slashes, none empty, `.` or `..` (so not
 * absolute either). Checked by segments, not by normalizing: a record of
 * thousands of files is checked on every generate.
 */
export function isSafeRelativePath(relative: string): boolean {
  return relative.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
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

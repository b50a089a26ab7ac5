/**
 * The only code that writes output. A tree of files is written all at once:
 * the new tree is built in a staging folder beside the old one and swapped in
 * with two renames, so that a failure at any point leaves either the old tree or
 * the new one, never a mix. Files outside the tree's owned part (say,
 * `generated/changelog/` under `generate`) are carried over untouched.
 */
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { exists } from "./util/exists.js";
import { compareText } from "./util/order.js";

export interface OutputFile {
  /** Relative to the tree's root, with `/` separators. */
  path: string;
  contents: string;
}

export interface TreePlan {
  root: string;
  files: readonly OutputFile[];
  /** Whether a relative path belongs to this plan: owned files not in `files` are deleted. */
  owns: (relativePath: string) => boolean;
}

export interface TreeDifference {
  missing: string[];
  changed: string[];
  extra: string[];
}

export const isClean = (d: TreeDifference): boolean => d.missing.length + d.changed.length + d.extra.length === 0;

/** What writing the plan would change. */
export async function diffTree(plan: TreePlan): Promise<TreeDifference> {
  await recoverInterruptedSwap(plan.root);
  const existing = new Set((await listFiles(plan.root)).filter(plan.owns));
  const planned = new Set(plan.files.map((f) => f.path));
  const changed: string[] = [];
  const missing: string[] = [];
  await Promise.all(
    plan.files.map(async (file) => {
      if (!existing.has(file.path)) missing.push(file.path);
      else if ((await readFile(path.join(plan.root, file.path), "utf8")) !== file.contents) changed.push(file.path);
    }),
  );
  return {
    missing: missing.sort(compareText),
    changed: changed.sort(compareText),
    extra: [...existing].filter((f) => !planned.has(f)).sort(compareText),
  };
}

/** Writes the plan; does nothing when the tree already matches it. */
export async function writeTree(plan: TreePlan, hooks: { beforeSwap?: () => void } = {}): Promise<TreeDifference> {
  assertSafePaths(plan.files);
  const difference = await diffTree(plan);
  if (isClean(difference)) return difference;

  const root = path.resolve(plan.root);
  const staging = `${root}.staging-${process.pid}`;
  const previous = `${root}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    if (await exists(root)) await cp(root, staging, { recursive: true });
    else await mkdir(staging, { recursive: true });
    for (const extra of difference.extra) await rm(path.join(staging, extra), { force: true });
    for (const file of plan.files) {
      const target = path.join(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    await removeEmptyFolders(staging);
    hooks.beforeSwap?.();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadRoot = await exists(root);
  if (hadRoot) await rename(root, previous);
  await rename(staging, root);
  if (hadRoot) await rm(previous, { recursive: true, force: true });
  return difference;
}

/**
 * A run killed between the two renames leaves `<root>.previous-<pid>` and no
 * root: put the previous tree back. Leftover staging folders are discarded.
 */
async function recoverInterruptedSwap(rootPath: string): Promise<void> {
  const root = path.resolve(rootPath);
  const parent = path.dirname(root);
  const base = path.basename(root);
  let siblings: string[];
  try {
    siblings = await readdir(parent);
  } catch {
    return;
  }
  const previous = siblings.filter((s) => s.startsWith(`${base}.previous-`)).sort(compareText);
  if (previous.length > 0 && !(await exists(root))) await rename(path.join(parent, previous[0]!), root);
  for (const leftover of siblings.filter((s) => s.startsWith(`${base}.staging-`) || s.startsWith(`${base}.previous-`))) {
    if (leftover.endsWith(`-${process.pid}`) || !(await isRunning(leftover))) {
      await rm(path.join(parent, leftover), { recursive: true, force: true });
    }
  }
}

async function isRunning(folderName: string): Promise<boolean> {
  const pid = Number(/-(\d+)$/.exec(folderName)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every file under a folder, relative, sorted; none when it does not exist. */
export async function listFiles(root: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort(compareText);
}

async function removeEmptyFolders(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true });
  let empty = true;
  for (const entry of entries) {
    if (entry.isDirectory() && (await removeEmptyFolders(path.join(folder, entry.name)))) {
      await rm(path.join(folder, entry.name), { recursive: true });
    } else {
      empty = false;
    }
  }
  return empty;
}

/** Output paths come from names in the docs: none may climb out of the tree. */
function assertSafePaths(files: readonly OutputFile[]): void {
  for (const file of files) {
    const normal = path.posix.normalize(file.path);
    if (file.path === "" || normal.startsWith("../") || normal === ".." || path.posix.isAbsolute(normal) || normal !== file.path) {
      throw new Error(`refusing to write outside the output folder: ${JSON.stringify(file.path)}`);
    }
  }
}

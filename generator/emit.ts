/**
 * The only code that writes output. A tree of files is written all at once:
 * the new and changed files are staged in a folder beside the old tree, and
 * the swap (`emit/swap-in.ts`) puts the new tree in the old one's place, so
 * that a failure leaves the old tree and a kill leaves the old tree, or a
 * swap the next run finishes, never a mix. A write costs what changed:
 * unchanged files are carried over by renaming the folders that hold them,
 * and only new and changed files are written. Files outside the tree's owned
 * part (say, `generated/changelog/`, or a `.git` folder) are carried over
 * untouched; folders are removed only when the plan's own removals emptied
 * them.
 *
 * While it writes, a writer holds a lock beside the folder, so that two
 * commands writing one folder take turns. An output folder that is a symbolic
 * link, not a folder, or the working folder itself (which must not be
 * swapped from under the user) is refused.
 */
import { lstat, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { GeneratorError } from "./diagnostics.js";
import { displayPath } from "./util/display-path.js";
import { makeFolders } from "./util/make-folders.js";
import { compareTrees, treeComparison, type TreeComparison } from "./emit/compare-trees.js";
import { withOutputLock } from "./emit/output-lock.js";
import { isRunning } from "./emit/process-alive.js";
import { assertSafePath, isFolder, stageTree } from "./emit/stage-tree.js";
import { finishSwap, swapFolders } from "./emit/swap-in.js";
import { asWriteError } from "./emit/write-error.js";
import { listFiles } from "./emit/list-files.js";
import { compareText } from "./util/order.js";
import { joinPieces, type TextPiece } from "./util/text-pieces.js";

export { listFiles };

export interface OutputFile {
  /** Relative to the tree's root, with `/` separators. */
  path: string;
  contents: string;
  /** The same text in pieces, for a large file: compared and written piece by piece, never joined (`util/text-pieces.ts`). */
  pieces?: readonly TextPiece[];
}

/** A file given in pieces; its `contents` are joined only when something asks for them. */
export function piecedFile(relativePath: string, pieces: readonly TextPiece[]): OutputFile {
  let joined: string | undefined;
  return {
    path: relativePath,
    pieces,
    get contents() {
      return (joined ??= joinPieces(pieces));
    },
  };
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

/** What writing the plan would change. Reads the existing files a few at a time: memory stays bounded by the plan. */
export async function diffTree(plan: TreePlan): Promise<TreeDifference> {
  const root = path.resolve(plan.root);
  await recoverInterruptedSwap(root);
  return compareTrees(root, plan.files, plan.owns);
}

/** `diffTree` for files given one at a time, as they are rendered: what the folder `root` holds of those `owns` is compared with each. */
export async function diffTreeByFile(root: string, owns: (relative: string) => boolean): Promise<TreeComparison> {
  const resolved = path.resolve(root);
  await recoverInterruptedSwap(resolved);
  return treeComparison(resolved, owns);
}

/** Writes the plan; does nothing when the tree already matches it. */
export async function writeTree(plan: TreePlan, hooks: { beforeSwap?: () => void } = {}): Promise<TreeDifference> {
  for (const file of plan.files) assertSafePath(file.path);
  const root = path.resolve(plan.root);
  return withOutput(root, async (refuseWrites) => {
    const existing = new Set((await listFiles(root)).filter(plan.owns));
    return stageTree(root, { existing, refuseWrites, ...hooks }, async (writer) => {
      for (const file of plan.files) await writer.put(file);
      return true;
    });
  });
}

/**
 * Runs `work` on the output folder `root` (absolute) as its one writer: the
 * folder checked to be one a swap can replace, its lock held, and a swap a
 * killed run left half done put back. Where no lock can be taken (a read-only
 * file system), `work` runs with `refuseWrites` set, the error to throw should
 * it have anything to write: a tree that needs no write is still fine.
 */
export async function withOutput<T>(root: string, work: (refuseWrites?: unknown) => Promise<T>): Promise<T> {
  await assertWritableRoot(root);
  try {
    makeFolders(path.dirname(root));
    return await withOutputLock(root, async () => {
      await recoverInterruptedSwap(root);
      return work();
    });
  } catch (error) {
    if (!LOCK_REFUSED.has((error as NodeJS.ErrnoException).code ?? "")) throw asWriteError(error, root);
    try {
      return await work(asWriteError(error, root));
    } catch (again) {
      throw asWriteError(again, root);
    }
  }
}

const LOCK_REFUSED = new Set(["EROFS", "EACCES", "EPERM"]);

/** The output folder is a real folder (or absent), and not the working folder or one holding it. */
async function assertWritableRoot(root: string): Promise<void> {
  const stats = await lstat(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw asWriteError(error, root);
  });
  const shown = displayPath(root);
  if (stats?.isSymbolicLink()) {
    throw new GeneratorError(`cannot write ${shown}: it is a symbolic link; name the folder it points to, so that the write stays atomic`);
  }
  if (stats !== undefined && !stats.isDirectory()) throw new GeneratorError(`cannot write ${shown}: it exists and is not a folder`);
  const relative = path.relative(root, process.cwd());
  if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
    throw new GeneratorError(
      `cannot write ${shown}: it is (or holds) the working folder, which a write must not swap; name a folder inside it`,
    );
  }
}

/**
 * What a killed run left beside the output. A run killed during its swap
 * left no output folder, its journal and its two folders: the swap is
 * finished (`swap-in.ts`), so the output is the new tree. A previous tree
 * with no journal (and no output) is put back. Then every leftover of a
 * process that is gone (staging folders, previous trees, journals) is
 * discarded; those of a live writer are its own business.
 */
async function recoverInterruptedSwap(root: string): Promise<void> {
  const parent = path.dirname(root);
  const base = path.basename(root);
  let siblings: string[];
  try {
    siblings = await readdir(parent);
  } catch {
    return;
  }
  const leftovers = siblings
    .filter((s) => LEFTOVER_KINDS.some((kind) => s.startsWith(`${base}.${kind}-`)))
    .filter((s) => s.endsWith(`-${process.pid}`) || !isRunning(pidOf(s)))
    .sort(compareText);
  for (const pid of new Set(leftovers.map(pidOf))) finishSwap(swapFolders(root, pid));
  const previous = leftovers.find((s) => s.startsWith(`${base}.previous-`));
  if (previous !== undefined && !(await isFolder(root))) await rename(path.join(parent, previous), root);
  for (const leftover of leftovers) await rm(path.join(parent, leftover), { recursive: true, force: true });
}

const LEFTOVER_KINDS = ["staging", "previous", "swap"] as const;
const pidOf = (leftover: string): number => Number(/-(\d+)$/.exec(leftover)?.[1]);

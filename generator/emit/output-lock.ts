/**
 * One writer per output folder at a time. Two commands writing one folder at
 * once would each build their new tree from the old one and the second swap
 * would drop the first's files. The lock is a file beside the folder (inside,
 * it would be swapped away with the folder), created exclusively and holding
 * the writer's pid, so that a lock left by a killed process is taken over.
 */
import { open, unlink } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { GeneratorError } from "../diagnostics.js";
import { displayPath } from "../util/display-path.js";
import { NotRegularFile, readCappedText } from "../util/read-capped.js";
import { isRunning } from "./process-alive.js";

const POLL_MS = 50;
/** Longer than any write of this generator takes; then the user is told who holds it. */
const GIVE_UP_MS = 10 * 60 * 1000;

/** A pid, with room to spare: a lock file holding more is not one of ours, and is not read further. */
const MAX_LOCK_BYTES = 64;

export const lockPath = (root: string): string => `${root}.lock`;

/** Runs `work` holding the lock of `root` (an absolute folder path). */
export async function withOutputLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const file = lockPath(root);
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = lockHolder(root, file);
    if (Number.isInteger(holder) && holder > 0 && !isRunning(holder)) {
      // Left by a process that is gone: take it over (if another waiter is faster, it wins the next open).
      await unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > GIVE_UP_MS) {
      throw new GeneratorError(
        `cannot write ${displayPath(root)}: another pco-codegen (pid ${holder || "unknown"}) is writing it (lock ${displayPath(file)})`,
      );
    }
    await sleep(POLL_MS);
  }
  try {
    return await work();
  } finally {
    await unlink(file).catch(() => undefined);
  }
}

/**
 * The pid the lock file holds; NaN where it holds none (its writer has not written it yet) or something else. A lock that is
 * not a regular file (a FIFO, whose read would wait for ever, or a folder) is no writer's: it stays in the way until removed.
 */
function lockHolder(root: string, file: string): number {
  try {
    return Number(readCappedText(file, MAX_LOCK_BYTES).trim());
  } catch (error) {
    if (error instanceof NotRegularFile) {
      throw new GeneratorError(`cannot write ${displayPath(root)}: its lock ${displayPath(file)} is not a regular file; remove it`);
    }
    return Number.NaN;
  }
}

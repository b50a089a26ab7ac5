/**
 * One writer per output folder at a time. Two commands writing one folder at
 * once would each build their new tree from the old one and the second swap
 * would drop the first's files. The lock is a file beside the folder (inside,
 * it would be swapped away with the folder), created exclusively and holding
 * the writer's pid, so that a lock left by a killed process is taken over.
 */
import { open, readFile, unlink } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { GeneratorError } from "../diagnostics.js";
import { displayPath } from "../util/display-path.js";
import { isRunning } from "./process-alive.js";

const POLL_MS = 50;
/** Longer than any write of this generator takes; then the user is told who holds it. */
const GIVE_UP_MS = 10 * 60 * 1000;

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
    const holder = Number((await readFile(file, "utf8").catch(() => "")).trim());
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

/**
 * The file-system work of a swapped-in tree that grows with the whole tree,
 * not with what changed: a hard link to every file to stage the new tree.
 * Where the generator runs compiled, it runs on a worker thread, so that it
 * goes on beside rendering: a one-spec change renders a few files while the
 * links touch every one, and on two cores the two no longer add up. From the
 * TypeScript sources (under vitest) there is no worker script, and the job
 * runs on the calling thread before the promise is returned.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { linkTree } from "./link-tree.js";

export interface LinkJob {
  /** The folder whose files are linked, and the folder (not yet there) made of the links. */
  from: string;
  to: string;
}

/** What the worker posts: nothing when done, else the error it met, with its code (`EXDEV`, `ENOSPC`...). */
export interface LinkJobFailure {
  message: string;
  code?: string;
}

/** The worker's script, compiled beside this module in dist/. */
const WORKER_SCRIPT = new URL("./tree-job-worker.js", import.meta.url);

export function compiledLinkWorker(): URL | undefined {
  return existsSync(fileURLToPath(WORKER_SCRIPT)) ? WORKER_SCRIPT : undefined;
}

/** Links `from` into `to`; on a worker thread where `script` is given. Settles once the worker has exited. */
export function linkTreeAside(job: LinkJob, script: URL | undefined = compiledLinkWorker()): Promise<void> {
  if (script === undefined) {
    try {
      linkTree(job.from, job.to);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    let failure: Error | undefined;
    worker.on("message", (message: LinkJobFailure | null) => {
      if (message !== null) failure = Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code });
    });
    worker.on("error", (error) => (failure ??= error));
    worker.on("exit", (code) => {
      if (failure === undefined && code !== 0) failure = new Error(`the thread linking ${job.from} exited with code ${code}`);
      if (failure === undefined) resolve();
      else reject(failure);
    });
  });
}

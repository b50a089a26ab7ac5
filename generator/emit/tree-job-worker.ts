/**
 * The worker thread of `linkTreeAside` (tree-jobs.ts): makes the links, then
 * posts null, or the error that stopped it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { linkTree } from "./link-tree.js";
import type { LinkJob, LinkJobFailure } from "./tree-jobs.js";

const { from, to } = workerData as LinkJob;
try {
  linkTree(from, to);
  parentPort!.postMessage(null);
} catch (error) {
  const { message, code } = error as NodeJS.ErrnoException;
  parentPort!.postMessage({ message, ...(code === undefined ? {} : { code }) } satisfies LinkJobFailure);
}

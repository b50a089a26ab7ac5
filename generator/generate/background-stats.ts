/**
 * The stat lines (`statLine`) of an output's files, taken on another thread
 * while this one renders what changed. Telling which recorded units are intact
 * takes a stat of every file of the output, tens of thousands in a large tree:
 * on this thread that would come on top of rendering the changed specs, on
 * another it runs beside it. A worker that fails, or ends without answering,
 * gives no lines, and the caller stats those files itself.
 */
import { Worker } from "node:worker_threads";
import { statLineOf } from "../generate-record.js";

/**
 * The worker, self-contained (it runs from the compiled generator and from its
 * sources alike): for each file its size, modification time and inode, or a
 * mark where it cannot be statted.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const { lstatSync } = require("node:fs");
const { join } = require("node:path");
const { root, files } = workerData;
const values = new BigUint64Array(files.length * 3);
const missing = new Uint8Array(files.length);
files.forEach((file, i) => {
  try {
    const stat = lstatSync(join(root, file), { bigint: true });
    values[i * 3] = stat.size;
    values[i * 3 + 1] = stat.mtimeNs;
    values[i * 3 + 2] = stat.ino;
  } catch {
    missing[i] = 1;
  }
});
parentPort.postMessage({ values, missing }, [values.buffer, missing.buffer]);
`;

interface WorkerAnswer {
  values: BigUint64Array;
  missing: Uint8Array;
}

export interface BackgroundStats {
  /** Each file's line, undefined where it could not be statted; empty where the worker gave no answer. */
  lines: Promise<Map<string, string | undefined>>;
  /** Ends the worker, answered or not. */
  stop(): Promise<void>;
}

/** `files`, relative to `root`. `code`: the worker's (a test gives one that fails). */
export function statInBackground(root: string, files: readonly string[], code = WORKER_CODE): BackgroundStats {
  // The paths are joined there too: for tens of thousands of files, that alone is tens of milliseconds.
  const worker = new Worker(code, { eval: true, workerData: { root, files } });
  const lines = new Promise<Map<string, string | undefined>>((resolve) => {
    worker.once("message", (answer: WorkerAnswer) => resolve(linesOf(files, answer)));
    // Whichever comes first settles: an answer, a failure, or an exit without an answer.
    worker.once("error", () => resolve(new Map()));
    worker.once("exit", () => resolve(new Map()));
  });
  return {
    lines,
    stop: async () => {
      await worker.terminate();
    },
  };
}

function linesOf(files: readonly string[], { values, missing }: WorkerAnswer): Map<string, string | undefined> {
  const lines = new Map<string, string | undefined>();
  if (values.length !== files.length * 3 || missing.length !== files.length) return lines;
  files.forEach((file, i) => lines.set(file, missing[i] ? undefined : statLineOf(values[i * 3]!, values[i * 3 + 1]!, values[i * 3 + 2]!)));
  return lines;
}

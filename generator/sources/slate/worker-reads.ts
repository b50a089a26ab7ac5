/**
 * Local Slate sources read in a worker thread, while the main thread reads
 * the other sources: the markdown parse is most of a cold scrape, and on its
 * own thread it no longer waits for, nor holds up, the portal and OpenAPI
 * readers. Each source's read settles on its own; a worker that fails, runs
 * out of its memory or exits before answering fails every read still waiting
 * with an error naming the source, so that nothing waits forever.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { GeneratorError } from "../../diagnostics.js";
import type { SourceRead } from "../reader-result.js";
import type { SourceOperand } from "../source-operand.js";
import { errorOf, type SlateWorkerInput, type SlateWorkerMessage } from "./worker-messages.js";

/**
 * The worker's script, compiled beside this module in dist/. Run from the
 * TypeScript sources (under vitest) there is no such file: see `workerScript`.
 */
const WORKER_SCRIPT = new URL("./read-worker.js", import.meta.url);

/**
 * Each Slate source of the corpus reads within 48 MB of old-generation heap
 * (and fails within 32); the limit leaves some twenty times that, for docs
 * far larger than the corpus's, yet stops a runaway read long before it could
 * take the machine's memory.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024 };

/** The compiled worker script, or undefined where the generator runs from its sources. */
export function workerScript(): URL | undefined {
  return existsSync(fileURLToPath(WORKER_SCRIPT)) ? WORKER_SCRIPT : undefined;
}

export interface SlateWorker {
  /** One read per source, in the order given. */
  reads: Promise<SourceRead>[];
  /** Ends the worker, whether or not it has answered; safe to call more than once. */
  stop(): Promise<void>;
}

export function startSlateWorker(
  sources: readonly SourceOperand[],
  options: SlateWorkerInput["options"],
  script: URL = WORKER_SCRIPT,
  resourceLimits: ResourceLimits = WORKER_LIMITS,
): SlateWorker {
  const pending = sources.map(() => settlement<SourceRead>());
  const input: SlateWorkerInput = { sources: [...sources], options };
  const worker = new Worker(script, { workerData: input, resourceLimits });
  // Settling a read twice is a no-op: each failure below reaches only the reads still waiting.
  const failWaiting = (cause: string) => pending.forEach((read, index) => read.reject(stoppedError(sources[index]!, cause)));
  worker.on("message", (message: SlateWorkerMessage) => {
    const read = pending[message.index];
    if (read === undefined) return;
    if ("read" in message) read.resolve(message.read);
    else read.reject(errorOf(message.failure));
  });
  worker.on("messageerror", (error) => failWaiting(`its answer could not be received (${error.message})`));
  worker.on("error", (error) => failWaiting(error.message));
  let stopping = false;
  worker.on("exit", (code) => failWaiting(stopping ? "it was stopped" : `it exited with code ${code} before answering`));
  for (const read of pending) read.promise.catch(() => undefined); // awaited by the caller, or not at all after an earlier failure
  return {
    reads: pending.map((read) => read.promise),
    stop: async () => {
      stopping = true;
      await worker.terminate();
    },
  };
}

function stoppedError(source: SourceOperand, cause: string): GeneratorError {
  return new GeneratorError(`cannot read ${source.kind}:${source.location}: the thread reading it stopped: ${cause}`, { exitCode: 2 });
}

interface Settlement<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function settlement<T>(): Settlement<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * The Slate reader's worker thread (started by worker-reads.ts): reads the
 * local Slate sources it is given, in order, and posts each read, or the
 * failure that stops it, as the main thread would have met them. After a
 * failure it reads no further: the sequential scrape stops there too.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readSlate } from "./reader.js";
import { failureOf, type SlateWorkerInput, type SlateWorkerMessage } from "./worker-messages.js";

const { sources, options } = workerData as SlateWorkerInput;
const post = (message: SlateWorkerMessage) => parentPort!.postMessage(message);

for (const [index, source] of sources.entries()) {
  try {
    post({ index, read: await readSlate(source, options) });
  } catch (error) {
    post({ index, failure: failureOf(error) });
    break;
  }
}

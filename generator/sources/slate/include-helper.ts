/**
 * The main thread's side of sharing a Slate source's include files with the
 * worker reading it (include-claims.ts): takes the worker's requests as they
 * come and, once started (when the main thread has read its own sources),
 * reads and parses files from the smallest up until it meets the worker,
 * posting each read, or the failure reading it met, to the worker. The
 * readers are loaded when there is a file to read, not before.
 */
import { BY_MAIN, claim, type HelpAnswer, type HelpRequest } from "./include-claims.js";
import { failureOf } from "./worker-messages.js";

export interface IncludeHelper {
  add(request: HelpRequest): void;
  start(): void;
  /** Claims no further file (the one being read is finished and posted). */
  stop(): void;
}

export function includeHelper(post: (answer: HelpAnswer) => void): IncludeHelper {
  const waiting: HelpRequest[] = [];
  let started = false;
  let stopped = false;
  const help = async ({ help: { id, paths, order, claims } }: HelpRequest) => {
    const slots = new Int32Array(claims);
    const [{ readLocalText }, { readMarkdown }] = await Promise.all([import("./documents.js"), import("./markdown.js")]);
    for (const index of [...order].reverse()) {
      if (stopped || !claim(slots, index, BY_MAIN)) return;
      // Once claimed, a file is always answered: the worker waits for it.
      try {
        const file = await readLocalText(paths[index]!);
        post({ answer: { id, index, ...(file === undefined ? { missing: true } : { file, read: readMarkdown(file) }) } });
      } catch (error) {
        post({ answer: { id, index, failure: failureOf(error) } });
      }
    }
  };
  // A file claimed is answered, whatever its read met; a helper that fails before claiming leaves the files to the worker.
  const run = (request: HelpRequest) => void help(request).catch(() => undefined);
  return {
    add(request) {
      if (started) run(request);
      else waiting.push(request);
    },
    start() {
      started = true;
      for (const request of waiting.splice(0)) run(request);
    },
    stop() {
      stopped = true;
    },
  };
}

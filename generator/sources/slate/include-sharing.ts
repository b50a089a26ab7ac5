/**
 * The include files of a Slate source, shared between the worker reading it
 * and the main thread once the main thread has read its own sources: the
 * worker reads and parses them from the first, the main thread from the
 * last, until they meet. Each file is claimed by one of them in a shared
 * array (a compare-and-exchange, so that none is read twice or missed); the
 * main thread posts what it read back, and the worker gives every file in
 * the order named, whoever read it. A file is read and parsed the same on
 * either thread (`readLocalText`, `readMarkdown`), so the document is the
 * one the worker alone would have made.
 */
import type { MessagePort } from "node:worker_threads";
import type { TextFile } from "./documents.js";
import type { MarkdownRead } from "./markdown.js";
import { includesInTurn, type IncludeRead, type IncludeReader } from "./reader.js";
import { errorOf, failureOf, type ReadFailure } from "./worker-messages.js";

/** What each slot of the shared array holds. */
const FREE = 0;
const BY_WORKER = 1;
const BY_MAIN = 2;

/** The worker's request: these files (paths on disk), claimed in `claims`. */
export interface HelpRequest {
  help: { id: number; paths: string[]; claims: SharedArrayBuffer };
}

/** The main thread's answer for the file at `index` of request `id`. */
export type HelpAnswer = {
  answer: { id: number; index: number } & ({ file: TextFile; read: MarkdownRead } | { missing: true } | { failure: ReadFailure });
};

type Answer = HelpAnswer["answer"];

/**
 * The worker's side: an `IncludeReader` that asks for help over `port`. A page
 * fetched from a URL, or a single include, is read in turn.
 */
export function includesShared(port: MessagePort): IncludeReader {
  let requests = 0;
  return async function* shared(files, relatives) {
    const siblingPath = files.siblingPath;
    if (siblingPath === undefined || relatives.length < 2) {
      yield* includesInTurn(files, relatives);
      return;
    }
    const id = requests++;
    const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * relatives.length));
    const answers = relatives.map(() => settlement<Answer>());
    const listen = (message: HelpAnswer) => {
      if ("answer" in message && message.answer.id === id) answers[message.answer.index]?.resolve(message.answer);
    };
    port.on("message", listen);
    try {
      const request: HelpRequest = {
        help: { id, paths: relatives.map((relative) => siblingPath(relative)), claims: claims.buffer as SharedArrayBuffer },
      };
      port.postMessage(request);
      for (const [index, relative] of relatives.entries()) {
        if (Atomics.compareExchange(claims, index, FREE, BY_WORKER) === FREE) {
          yield* includesInTurn(files, [relative]);
        } else {
          yield fromAnswer(await answers[index]!.promise);
        }
      }
    } finally {
      // After a failure, what the main thread has not claimed yet is not for it to read.
      for (let index = 0; index < relatives.length; index += 1) Atomics.compareExchange(claims, index, FREE, BY_WORKER);
      port.off("message", listen);
    }
  };
}

function fromAnswer(answer: Answer): IncludeRead | undefined {
  if ("failure" in answer) throw errorOf(answer.failure);
  return "missing" in answer ? undefined : { file: answer.file, read: answer.read };
}

/**
 * The main thread's side: takes the worker's requests as they come, and once
 * `start`ed (when its own sources are read), reads files from the last one
 * back until it meets the worker. `stop` ends the helping between two files.
 */
export function includeHelper(post: (answer: HelpAnswer) => void): {
  add(request: HelpRequest): void;
  start(): void;
  stop(): void;
} {
  const waiting: HelpRequest[] = [];
  let started = false;
  let stopped = false;
  const help = async ({ help: { id, paths, claims } }: HelpRequest) => {
    const slots = new Int32Array(claims);
    const [{ readLocalText }, { readMarkdown }] = await Promise.all([import("./documents.js"), import("./markdown.js")]);
    for (let index = paths.length - 1; index >= 0 && !stopped; index -= 1) {
      if (Atomics.compareExchange(slots, index, FREE, BY_MAIN) !== FREE) return;
      try {
        const file = await readLocalText(paths[index]!);
        post({ answer: { id, index, ...(file === undefined ? { missing: true } : { file, read: readMarkdown(file) }) } });
      } catch (error) {
        post({ answer: { id, index, failure: failureOf(error) } });
      }
    }
  };
  // A failure inside `help` is posted as the file's answer: nothing is left to reject.
  const run = (request: HelpRequest) => void help(request);
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

interface Settlement<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function settlement<T>(): Settlement<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/**
 * The worker's side of sharing a Slate source's include files with the main
 * thread (include-claims.ts): an `IncludeReader` that reads the files it
 * claims, largest first, while the main thread takes them smallest first
 * (its parser is not warmed up yet), and gives every file in the order
 * named, whoever read it. What a file gives, a read, its absence or a
 * failure, is kept until its turn: a failure fails the reading where reading
 * in turn would have met it. A file is read and parsed the same on either
 * thread (`readLocalText`, `readMarkdown`), so the document is the one the
 * worker alone would have made.
 */
import { stat } from "node:fs/promises";
import type { MessagePort } from "node:worker_threads";
import { BY_WORKER, claim, type HelpAnswer, type HelpRequest } from "./include-claims.js";
import type { PageFiles } from "./documents.js";
import { includesInTurn, type IncludeRead, type IncludeReader } from "./reader.js";
import { readMarkdown } from "./markdown.js";
import { errorOf } from "./worker-messages.js";

/** What one file gave. */
type Outcome = { include: IncludeRead | undefined } | { error: Error };

/** Asks for help over `port`. A page fetched from a URL, or a single include, is read in turn. */
export function includesShared(port: MessagePort): IncludeReader {
  let requests = 0;
  return async function* shared(files, relatives) {
    const siblingPath = files.siblingPath;
    if (siblingPath === undefined || relatives.length < 2) {
      yield* includesInTurn(files, relatives);
      return;
    }
    const id = requests++;
    const paths = relatives.map((relative) => siblingPath(relative));
    const order = await largestFirst(paths);
    const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * relatives.length));
    const outcomes = relatives.map(() => settlement<Outcome>());
    const listen = (message: HelpAnswer) => {
      if ("answer" in message && message.answer.id === id) outcomes[message.answer.index]?.resolve(fromAnswer(message.answer));
    };
    port.on("message", listen);
    try {
      const request: HelpRequest = { help: { id, paths, order, claims: claims.buffer as SharedArrayBuffer } };
      port.postMessage(request);
      // The two threads claim from the two ends of `order`: past the first file the main thread has, it has the rest.
      for (const index of order) {
        if (!claim(claims, index, BY_WORKER)) break;
        outcomes[index]!.resolve(await readOwn(files, relatives[index]!));
      }
      for (const outcome of outcomes) {
        const result = await outcome.promise;
        if ("error" in result) throw result.error;
        yield result.include;
      }
    } finally {
      port.off("message", listen);
    }
  };
}

async function readOwn(files: PageFiles, relative: string): Promise<Outcome> {
  try {
    const file = await files.sibling(relative);
    return { include: file === undefined ? undefined : { file, read: readMarkdown(file) } };
  } catch (error) {
    return { error: error as Error };
  }
}

function fromAnswer(answer: HelpAnswer["answer"]): Outcome {
  if ("failure" in answer) return { error: errorOf(answer.failure) };
  return { include: "missing" in answer ? undefined : { file: answer.file, read: answer.read } };
}

/** Indices of the files by size, largest first (a file that is not there counts as empty); ties in their order. */
async function largestFirst(paths: readonly string[]): Promise<number[]> {
  const sizes = await Promise.all(
    paths.map((file) =>
      stat(file).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return paths.map((_, index) => index).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}

function settlement<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

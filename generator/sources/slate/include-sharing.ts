/**
 * The worker's side of sharing a Slate source's include files with the main
 * thread (include-claims.ts): an `IncludeReader` that reads the files it
 * claims and waits for the main thread's answer for the others, giving every
 * file in the order named, whoever read it. A file is read and parsed the
 * same on either thread (`readLocalText`, `readMarkdown`), so the document is
 * the one the worker alone would have made.
 */
import type { MessagePort } from "node:worker_threads";
import { BY_WORKER, claim, type HelpAnswer, type HelpRequest } from "./include-claims.js";
import { includesInTurn, type IncludeRead, type IncludeReader } from "./reader.js";
import { errorOf } from "./worker-messages.js";

type Answer = HelpAnswer["answer"];

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
    const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * relatives.length));
    const answers = relatives.map(() => settlement<Answer>());
    const listen = (message: HelpAnswer) => {
      if ("answer" in message && message.answer.id === id) answers[message.answer.index]?.resolve(message.answer);
    };
    port.on("message", listen);
    try {
      const paths = relatives.map((relative) => siblingPath(relative));
      const request: HelpRequest = { help: { id, paths, claims: claims.buffer as SharedArrayBuffer } };
      port.postMessage(request);
      for (const [index, relative] of relatives.entries()) {
        if (claim(claims, index, BY_WORKER)) yield* includesInTurn(files, [relative]);
        else yield fromAnswer(await answers[index]!.promise);
      }
    } finally {
      // After a failure, what the main thread has not claimed yet is not for it to read.
      for (let index = 0; index < relatives.length; index += 1) claim(claims, index, BY_WORKER);
      port.off("message", listen);
    }
  };
}

function fromAnswer(answer: Answer): IncludeRead | undefined {
  if ("failure" in answer) throw errorOf(answer.failure);
  return "missing" in answer ? undefined : { file: answer.file, read: answer.read };
}

function settlement<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

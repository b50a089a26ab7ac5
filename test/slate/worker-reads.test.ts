/**
 * The Slate reader's worker thread, seen from the main thread: each answer
 * settles the read of its source, and a worker that exits, throws or runs
 * out of its memory before answering fails every read still waiting with an
 * error naming the source, never leaving one waiting. The workers here are
 * small scripts standing in for the real one, which
 * test/slate/worker-process.test.ts runs on the corpus.
 */
import { describe, expect, it } from "vitest";
import { diagnostic, GeneratorError } from "../../generator/diagnostics.js";
import type { SourceRead } from "../../generator/sources/reader-result.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { errorOf, failureOf } from "../../generator/sources/slate/worker-messages.js";
import { startSlateWorker, type SlateWorker } from "../../generator/sources/slate/worker-reads.js";

const SOURCES = [parseSourceOperand("slate:docs/first"), parseSourceOperand("slate:docs/second")];
const OPTIONS = { versions: { kind: "latest" } } as const;

/** A worker whose script is `body`, run as an ES module. */
function script(body: string): URL {
  return new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort } from "node:worker_threads";\n${body}`)}`);
}

const readOf = (detected: string): SourceRead => ({ drafts: [], diagnostics: [], detected });

async function withWorker<T>(worker: SlateWorker, body: (worker: SlateWorker) => Promise<T>): Promise<T> {
  try {
    return await body(worker);
  } finally {
    await worker.stop();
  }
}

/** How each read settled: its `detected`, or its error. */
const outcomes = (worker: SlateWorker) =>
  Promise.all(
    worker.reads.map((read) =>
      read.then(
        (r) => ({ read: r.detected }),
        (error: Error) => ({ error }),
      ),
    ),
  );

describe("the Slate worker's reads", () => {
  it("settles each read with the answer of its index, in whatever order the answers come", async () => {
    const answers = script(
      `parentPort.postMessage({ index: 1, read: ${JSON.stringify(readOf("second"))} });\n` +
        `parentPort.postMessage({ index: 0, read: ${JSON.stringify(readOf("first"))} });`,
    );
    await withWorker(startSlateWorker(SOURCES, OPTIONS, answers), async (worker) => {
      expect(await outcomes(worker)).toEqual([{ read: "first" }, { read: "second" }]);
    });
  });

  it("fails the reads a worker did not answer before exiting, naming each source and its exit code", async () => {
    const partly = script(`parentPort.postMessage({ index: 0, read: ${JSON.stringify(readOf("first"))} });\nprocess.exit(3);`);
    await withWorker(startSlateWorker(SOURCES, OPTIONS, partly), async (worker) => {
      const [first, second] = await outcomes(worker);
      expect(first).toEqual({ read: "first" });
      const error = (second as { error: Error }).error;
      expect(error).toBeInstanceOf(GeneratorError);
      expect(error.message).toBe("cannot read slate:docs/second: the thread reading it stopped: it exited with code 3 before answering");
      expect((error as GeneratorError).exitCode).toBe(2);
    });
  });

  it("fails every waiting read when the worker throws", async () => {
    const throwing = script(`throw new Error("the script broke");`);
    await withWorker(startSlateWorker(SOURCES, OPTIONS, throwing), async (worker) => {
      const settled = await outcomes(worker);
      expect(settled.map((s) => ("error" in s ? s.error.message : s.read))).toEqual([
        "cannot read slate:docs/first: the thread reading it stopped: the script broke",
        "cannot read slate:docs/second: the thread reading it stopped: the script broke",
      ]);
    });
  });

  it("fails the reads, and only them, when the worker passes its memory limit", async () => {
    const hoarding = script(`const kept = [];\nfor (;;) kept.push(new Array(100_000).fill(kept.length));`);
    await withWorker(startSlateWorker(SOURCES.slice(0, 1), OPTIONS, hoarding, { maxOldGenerationSizeMb: 16 }), async (worker) => {
      const [only] = await outcomes(worker);
      expect((only as { error: Error }).error.message).toMatch(/^cannot read slate:docs\/first: the thread reading it stopped: .*memory/);
    });
  });

  it("fails the reads still waiting when it is stopped", async () => {
    const silent = script(`setInterval(() => undefined, 1_000);`);
    const worker = startSlateWorker(SOURCES.slice(0, 1), OPTIONS, silent);
    await worker.stop();
    await expect(worker.reads[0]).rejects.toThrow("cannot read slate:docs/first: the thread reading it stopped: it was stopped");
  });
});

describe("a failure crossing the thread", () => {
  it("arrives as the same refusal: message, exit code and diagnostics", () => {
    const refusal = new GeneratorError("cannot read docs/index.md: line 3 is too long", {
      exitCode: 2,
      diagnostics: [diagnostic("error", "DOC_LINE_TOO_LONG", "line 3 is too long", { file: "docs/index.md", line: 3, column: 1 })],
    });
    const received = errorOf(structuredClone(failureOf(refusal)));
    expect(received).toBeInstanceOf(GeneratorError);
    expect(received.message).toBe(refusal.message);
    expect((received as GeneratorError).exitCode).toBe(2);
    expect((received as GeneratorError).diagnostics).toEqual(refusal.diagnostics);
  });

  it("arrives as an internal error, with its stack, when it was not a refusal", () => {
    const bug = new TypeError("x is undefined");
    const received = errorOf(structuredClone(failureOf(bug)));
    expect(received).not.toBeInstanceOf(GeneratorError);
    expect(received.message).toBe("x is undefined");
    expect(received.stack).toBe(bug.stack);
  });
});

/**
 * Reading the `--from` sources in two lanes: the local Slate sources in a
 * worker thread, the others on the main thread. Whichever lane finishes
 * first, the reads come back in `--from` order, and a failure is the one a
 * reading of the sources one after another meets first. The workers here are
 * small scripts standing in for the compiled one (which
 * test/slate/worker-process.test.ts runs on the corpus).
 */
import { describe, expect, it } from "vitest";
import { GeneratorError } from "../generator/diagnostics.js";
import { readSource } from "../generator/sources/read-source.js";
import { readSources, workerSources } from "../generator/sources/read-sources.js";
import { parseSourceOperand } from "../generator/sources/source-operand.js";

const OPTIONS = { versions: { kind: "latest" } } as const;
const PAGE = "portal-page:test/portal-page/pages/event.txt";
const operands = (...from: string[]) => from.map(parseSourceOperand);

/** A worker script answering each of its sources in turn with `answer(index)` (a JS expression). */
function answering(answer: string): URL {
  const body =
    `import { parentPort, workerData } from "node:worker_threads";\n` +
    `workerData.sources.forEach((source, index) => parentPort.postMessage(${answer}));`;
  return new URL(`data:text/javascript,${encodeURIComponent(body)}`);
}

const DETECTED_IN_WORKER = answering(`({ index, read: { drafts: [], diagnostics: [], detected: "worker read " + source.location } })`);

describe("which sources the worker reads", () => {
  it("takes the local Slate sources when another source is read meanwhile", () => {
    expect(workerSources(operands("portal:docs/a", "slate:docs/b", "openapi:docs/c", "slate:docs/d"))).toEqual([1, 3]);
  });

  it("leaves a Slate URL to the main thread, where the HTTP rate limit is shared", () => {
    expect(workerSources(operands("portal:docs/a", "slate:https://example.com/docs/", "slate:docs/b"))).toEqual([2]);
  });

  it("takes nothing when Slate sources are all there is: nothing would overlap its start", () => {
    expect(workerSources(operands("slate:docs/a", "slate:docs/b"))).toEqual([]);
    expect(workerSources(operands("portal:docs/a", "openapi:docs/b"))).toEqual([]);
  });
});

describe("reading in two lanes", () => {
  it("gives the reads in --from order, the worker's among the main thread's", async () => {
    const from = operands("slate:docs/first", PAGE, "slate:docs/third");
    const reads = await readSources(from, OPTIONS, {}, DETECTED_IN_WORKER);
    const page = await readSource(from[1]!, OPTIONS);
    expect(reads.map((read) => read.detected)).toEqual(["worker read docs/first", page.detected, "worker read docs/third"]);
    expect(reads[1]).toEqual(page);
  });

  it("fails with the worker's refusal when its source comes first", async () => {
    const refusing = answering(
      `({ index, failure: { kind: "refused", message: "refused " + source.location, exitCode: 2, diagnostics: [] } })`,
    );
    const reading = readSources(operands("slate:docs/first", "portal-page:test/no-such-page.txt"), OPTIONS, {}, refusing);
    await expect(reading).rejects.toThrow(new GeneratorError("refused docs/first"));
  });

  it("fails with the main thread's error when its source comes first, though the worker failed too", async () => {
    const refusing = answering(
      `({ index, failure: { kind: "refused", message: "refused " + source.location, exitCode: 2, diagnostics: [] } })`,
    );
    const missing = "portal-page:test/no-such-page.txt";
    const inTurn = await readSource(parseSourceOperand(missing), OPTIONS).catch((error: Error) => error);
    expect(inTurn).toBeInstanceOf(GeneratorError);
    await expect(readSources(operands(missing, "slate:docs/second"), OPTIONS, {}, refusing)).rejects.toThrow(inTurn as Error);
  });

  it("fails, naming the source, when the worker exits without answering", async () => {
    const quitting = new URL(`data:text/javascript,${encodeURIComponent("process.exit(0);")}`);
    await expect(readSources(operands(PAGE, "slate:docs/second"), OPTIONS, {}, quitting)).rejects.toThrow(
      "cannot read slate:docs/second: the thread reading it stopped: it exited with code 0 before answering",
    );
  });

  it("reads everything on the main thread without a worker script", async () => {
    const from = operands(PAGE, "slate:test/fixtures/slate/site/page.txt");
    const reads = await readSources(from, OPTIONS, {}, undefined);
    expect(reads).toEqual([await readSource(from[0]!, OPTIONS), await readSource(from[1]!, OPTIONS)]);
  });
});

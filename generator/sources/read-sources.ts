/**
 * Reads every `--from` source, in two lanes on the machine's two cores: the
 * local Slate sources in a worker thread (their markdown parse is most of a
 * cold scrape), everything else on the main thread, one after another as
 * before. The reads come back in `--from` order, and a failure is the one the
 * sequential reading would have met first, so that the output and the error
 * do not depend on which lane finished first.
 *
 * The worker is used only where it can overlap with something: with no other
 * source, starting it would only add its start-up. A Slate URL is read on the
 * main thread, where the HTTP store's rate limit and statistics are shared
 * with the other sources. Run from the TypeScript sources, where no compiled
 * worker script exists, every source is read on the main thread.
 */
import type { ReadContext, SourceRead } from "./reader-result.js";
import { readSource, type ReadOptions } from "./read-source.js";
import type { SourceOperand } from "./source-operand.js";
import { startSlateWorker, workerScript, type SlateWorker } from "./slate/worker-reads.js";

/** `script`: the worker's script, the compiled one by default (tests give others). */
export async function readSources(
  from: readonly SourceOperand[],
  options: ReadOptions,
  context: ReadContext = {},
  script: URL | undefined = workerScript(),
): Promise<SourceRead[]> {
  const offThread = script === undefined ? [] : workerSources(from);
  const worker =
    offThread.length === 0
      ? undefined
      : startSlateWorker(
          offThread.map((i) => from[i]!),
          { ...(options.apps === undefined ? {} : { apps: [...options.apps] }), versions: options.versions },
          script,
        );
  const reads = inOrder(from, offThread, worker, options, context);
  try {
    const results: SourceRead[] = [];
    for (const read of reads.all) results.push(await read);
    return results;
  } finally {
    // After a failure: no new read on the main thread, the worker ended, and the read in progress here finished.
    reads.stopMainLane();
    await worker?.stop();
    await Promise.allSettled(reads.all);
  }
}

/** Indices of the sources the worker reads: the local Slate sources, when some other source is read meanwhile. */
export function workerSources(from: readonly SourceOperand[]): number[] {
  const slate = from.flatMap((source, index) => (source.kind === "slate" && !source.isUrl ? [index] : []));
  return slate.length < from.length ? slate : [];
}

/**
 * One promise per source, in `--from` order: the worker's reads as it answers,
 * the others chained on the main thread, each started when the one before it
 * on this thread has read. After a failure, or once stopped, no further read
 * starts on the main thread.
 */
function inOrder(
  from: readonly SourceOperand[],
  offThread: readonly number[],
  worker: SlateWorker | undefined,
  options: ReadOptions,
  context: ReadContext,
): { all: Promise<SourceRead>[]; stopMainLane(): void } {
  let stopped = false;
  let previous: Promise<unknown> = Promise.resolve();
  const all = from.map((source, index) => {
    const slot = offThread.indexOf(index);
    if (worker !== undefined && slot >= 0) return worker.reads[slot]!;
    const read = previous.then(() => {
      if (stopped) throw new Error("not read: an earlier source failed");
      return readSource(source, options, context);
    });
    previous = read;
    return read;
  });
  for (const read of all) read.catch(() => undefined); // each is awaited in order; those after a failure never are
  return { all, stopMainLane: () => (stopped = true) };
}

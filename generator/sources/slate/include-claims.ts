/**
 * How the worker reading a Slate source and the main thread share its
 * include files: the worker reads and parses them from the largest, the main
 * thread, once it has read its own sources, from the smallest, until they
 * meet.
 * Each file is claimed by one of them in an array both threads share, with a
 * compare-and-exchange, so that none is read twice or missed; the main
 * thread posts what it read back. The worker's side is include-sharing.ts,
 * the main thread's include-helper.ts; this module is what both speak, and
 * loads nothing of the readers.
 */
import type { TextFile } from "./documents.js";
import type { MarkdownRead } from "./markdown.js";
import type { ReadFailure } from "./worker-messages.js";

/** What each slot of the shared array holds. */
export const FREE = 0;
export const BY_WORKER = 1;
export const BY_MAIN = 2;

/**
 * The worker's request: these files (paths on disk), claimed in `claims`, the
 * worker from the first of `order` (indices, largest file first), the main
 * thread from the last.
 */
export interface HelpRequest {
  help: { id: number; paths: string[]; order: number[]; claims: SharedArrayBuffer };
}

/** The main thread's answer for the file at `index` of request `id`. */
export type HelpAnswer = {
  answer: { id: number; index: number } & ({ file: TextFile; read: MarkdownRead } | { missing: true } | { failure: ReadFailure });
};

/** Claims the file at `index` for `by`; false when the other thread has it. */
export function claim(claims: Int32Array, index: number, by: typeof BY_WORKER | typeof BY_MAIN): boolean {
  return Atomics.compareExchange(claims, index, FREE, by) === FREE;
}

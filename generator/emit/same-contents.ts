/**
 * Whether a file holds exactly these contents; a file of another size is not
 * read. Synchronous: a tree of a thousand small files is compared faster by
 * plain system calls than by as many round trips through libuv's thread pool.
 * Text that is only compared has its size counted without encoding it; a
 * caller that writes what differs encodes once and passes the bytes. The file
 * is read in chunks through one buffer kept for every comparison: fresh memory
 * for each file would cost a page fault for each of its pages.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { byteLengthOf, encodePieces, type TextPiece } from "../util/text-pieces.js";

const CHUNK = 1 << 20;
let chunk: Buffer | undefined;

/** `contents`: a text, its bytes, or a text in pieces, compared as they are encoded, a buffer at a time. */
export function sameContents(file: string, contents: string | Buffer | readonly TextPiece[]): boolean {
  const pieces: readonly TextPiece[] = typeof contents === "string" || Buffer.isBuffer(contents) ? [contents] : contents;
  const descriptor = openSync(file, "r");
  try {
    if (fstatSync(descriptor).size !== byteLengthOf(pieces)) return false;
    let offset = 0;
    let same = true;
    encodePieces(pieces, (bytes) => {
      same = sameBytesAt(descriptor, offset, bytes);
      offset += bytes.length;
      return same;
    });
    return same;
  } finally {
    closeSync(descriptor);
  }
}

/** Whether the file holds `expected` at `offset`. */
function sameBytesAt(descriptor: number, offset: number, expected: Buffer): boolean {
  chunk ??= Buffer.allocUnsafe(CHUNK);
  for (let done = 0; done < expected.length;) {
    const read = readSync(descriptor, chunk, 0, Math.min(CHUNK, expected.length - done), offset + done);
    if (read === 0 || !chunk.subarray(0, read).equals(expected.subarray(done, done + read))) return false;
    done += read;
  }
  return true;
}

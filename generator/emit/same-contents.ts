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

const CHUNK = 1 << 20;
let chunk: Buffer | undefined;

export function sameContents(file: string, contents: string | Buffer): boolean {
  const descriptor = openSync(file, "r");
  try {
    const size = typeof contents === "string" ? Buffer.byteLength(contents, "utf8") : contents.length;
    if (fstatSync(descriptor).size !== size) return false;
    const expected = typeof contents === "string" ? Buffer.from(contents, "utf8") : contents;
    chunk ??= Buffer.allocUnsafe(CHUNK);
    for (let offset = 0; offset < expected.length;) {
      const read = readSync(descriptor, chunk, 0, Math.min(CHUNK, expected.length - offset), offset);
      if (read === 0 || !chunk.subarray(0, read).equals(expected.subarray(offset, offset + read))) return false;
      offset += read;
    }
    return true;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Whether a file holds exactly these contents; a file of another size is not
 * read. Synchronous: a tree of a thousand small files is compared faster by
 * plain system calls than by as many round trips through libuv's thread pool.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

export function sameContents(file: string, contents: string): boolean {
  const descriptor = openSync(file, "r");
  try {
    // The sizes first, counted without encoding: a changed document of megabytes is then never encoded twice.
    if (fstatSync(descriptor).size !== Buffer.byteLength(contents, "utf8")) return false;
    const expected = Buffer.from(contents, "utf8");
    const actual = Buffer.allocUnsafe(expected.length);
    let offset = 0;
    while (offset < actual.length) {
      const bytesRead = readSync(descriptor, actual, offset, actual.length - offset, offset);
      if (bytesRead === 0) return false;
      offset += bytesRead;
    }
    return actual.equals(expected);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Whether a file holds exactly these contents; a file of another size is not
 * read. Synchronous: a tree of a thousand small files is compared faster by
 * plain system calls than by as many round trips through libuv's thread pool.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

export function sameContents(file: string, contents: string): boolean {
  const expected = Buffer.from(contents, "utf8");
  const descriptor = openSync(file, "r");
  try {
    if (fstatSync(descriptor).size !== expected.length) return false;
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

/**
 * Whether a file holds exactly these contents; a file of another size is not
 * read. Synchronous: a tree of a thousand small files is compared faster by
 * plain system calls than by as many round trips through libuv's thread pool.
 * Text that is only compared has its size counted without encoding it; a
 * caller that writes what differs encodes once and passes the bytes.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

export function sameContents(file: string, contents: string | Buffer): boolean {
  const descriptor = openSync(file, "r");
  try {
    const size = typeof contents === "string" ? Buffer.byteLength(contents, "utf8") : contents.length;
    if (fstatSync(descriptor).size !== size) return false;
    const expected = typeof contents === "string" ? Buffer.from(contents, "utf8") : contents;
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

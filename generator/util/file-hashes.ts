/**
 * The sha256 of each of many files, read through one buffer in turn. A buffer
 * of its own for each file is fresh memory, and the first touch of each of its
 * pages costs the kernel a fault: for the tens of megabytes of specs a
 * `generate` hashes, that was most of the time the hashing took.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";

const CHUNK = 1 << 20;

export function fileHashes(files: readonly string[]): string[] {
  const buffer = Buffer.allocUnsafe(CHUNK);
  return files.map((file) => {
    const descriptor = openSync(file, "r");
    try {
      const hash = createHash("sha256");
      for (let read = readSync(descriptor, buffer, 0, CHUNK, null); read > 0; read = readSync(descriptor, buffer, 0, CHUNK, null)) {
        hash.update(buffer.subarray(0, read));
      }
      return hash.digest("hex");
    } finally {
      closeSync(descriptor);
    }
  });
}

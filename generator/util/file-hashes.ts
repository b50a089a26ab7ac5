/**
 * The sha256 of each of many files, read through one buffer in turn. A buffer
 * of its own for each file is fresh memory, and the first touch of each of its
 * pages costs the kernel a fault: for the tens of megabytes of specs a
 * `generate` hashes, that was most of the time the hashing took.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";

const CHUNK = 1 << 20;

/**
 * `maxBytes`: a file larger than this is refused where it is read, so only its
 * first `maxBytes + 1` bytes are hashed (a hash no file within the cap can
 * have), and a file of terabytes costs no more than one over the cap.
 */
export function fileHashes(files: readonly string[], maxBytes = Number.MAX_SAFE_INTEGER): string[] {
  const buffer = Buffer.allocUnsafe(CHUNK);
  return files.map((file) => {
    const descriptor = openSync(file, "r");
    try {
      const hash = createHash("sha256");
      for (let left = maxBytes + 1; left > 0;) {
        const read = readSync(descriptor, buffer, 0, Math.min(CHUNK, left), null);
        if (read === 0) break;
        hash.update(buffer.subarray(0, read));
        left -= read;
      }
      return hash.digest("hex");
    } finally {
      closeSync(descriptor);
    }
  });
}

/**
 * A file written whole: its pieces go into a temporary file beside it, which
 * is then renamed over it, so that a reader finds the old file or the new one,
 * never a part. Megabytes of pieces are written one after the other, with no
 * joined copy. On failure the temporary file is removed and the error thrown.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export function writeWholeSync(file: string, pieces: readonly string[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, "w");
    try {
      for (const piece of pieces) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // no folder to hold it: nothing was begun
    }
    throw error;
  }
}

/**
 * A file of a cache written whole from its pieces, its folder made where
 * needed; a cache that cannot be written (read-only, full) only costs speed.
 */
export function writeCacheFile(file: string, pieces: readonly string[]): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeWholeSync(file, pieces);
  } catch {
    // the next run computes it again
  }
}

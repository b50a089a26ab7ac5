/**
 * Files written from their pieces (`text-pieces.ts`), one buffer-full at a
 * time, with no joined copy. A file written whole goes into a temporary file
 * beside it, which is then renamed over it, so that a reader finds the old
 * file or the new one, never a part; on failure the temporary file is removed
 * and the error thrown.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { makeFolders } from "./make-folders.js";
import path from "node:path";
import { encodePieces, type TextPiece } from "./text-pieces.js";

/** The file created or emptied, then filled with the pieces: whole only where nothing else reads it meanwhile (a staging folder). */
export function writePiecesSync(file: string, pieces: readonly TextPiece[]): void {
  const fd = openSync(file, "w");
  try {
    encodePieces(pieces, (bytes) => {
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
    });
  } finally {
    closeSync(fd);
  }
}

/** The end of the name of a temporary file `writeWholeSync` writes beside `<file>`: `<file>.<pid>.tmp`. */
export const TEMPORARY_SUFFIX = /\.\d+\.tmp$/;

export function writeWholeSync(file: string, pieces: readonly TextPiece[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writePiecesSync(temporary, pieces);
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
export function writeCacheFile(file: string, pieces: readonly TextPiece[]): void {
  try {
    makeFolders(path.dirname(file));
    writeWholeSync(file, pieces);
  } catch {
    // the next run computes it again
  }
}

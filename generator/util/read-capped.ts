/**
 * Reading a file that a user, a mirror or a checkout put in place, with a cap.
 * Such a file can be anything under the expected name: a FIFO or a device
 * (reading one blocks for ever, or never ends), or far larger than any
 * document of the API (reading it whole takes the machine's memory, and
 * parsing it minutes). The file is opened without blocking, must be a regular
 * file, and is read up to its cap, which holds even where the file grows
 * while it is read. The generator's own files (its caches and records) are
 * read the same way, since anything can be put under their names too; for
 * them a refusal is a miss (`readOwnFile`).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { decodeDocument, decodeText, type DecodedText } from "./decode-text.js";

/** A file refused before its text was read whole: not a regular file, or over its cap. */
export class RefusedFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedFile";
  }
}

/** A FIFO, a device, a socket or a folder where a file was expected: refused unread, whatever its size. */
export class NotRegularFile extends RefusedFile {
  constructor() {
    super("not a regular file");
    this.name = "NotRegularFile";
  }
}

/**
 * The text of a regular file of at most `maxBytes` bytes (UTF-8, or UTF-16 where a byte order mark says so: `decodeText`);
 * throws `RefusedFile`, or the system's error.
 */
export function readCappedText(file: string, maxBytes: number): string {
  return decodeText(readCappedBytes(file, maxBytes));
}

/** `readCappedText`, saying also where the first byte that is not UTF-8 stood, if one did: for a document of the docs. */
export function readCappedDocument(file: string, maxBytes: number): DecodedText {
  return decodeDocument(readCappedBytes(file, maxBytes));
}

/** The bytes of a regular file of at most `maxBytes` bytes; throws `RefusedFile`, or the system's error. */
export function readCappedBytes(file: string, maxBytes: number): Buffer {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer; on a regular file it changes nothing.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new NotRegularFile();
    const tooLarge = () => new RefusedFile(`larger than ${maxBytes} bytes, the most this file may hold`);
    if (info.size > maxBytes) throw tooLarge();
    // One byte more than the file says it holds: a read that fills it tells a file that grew.
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge();
        buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, maxBytes + 1 - length))]);
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw tooLarge();
    return length === buffer.length ? buffer : buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The most a file of the generator's own caches, or of its bookkeeping in an
 * output folder, may hold: 256 MiB, far more than the largest it writes (a
 * rendered unit holding an app's OpenAPI document is a few megabytes).
 */
export const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A file the generator wrote for itself (a cache entry, a record, a journal):
 * its bytes, or undefined where it is missing, unreadable, not a regular file
 * or over `maxBytes`. Any of those is a miss, never an error: the file only
 * saves time, and what it would have said is worked out again.
 */
export function readOwnFile(file: string, maxBytes = MAX_CACHE_FILE_BYTES): Buffer | undefined {
  try {
    return readCappedBytes(file, maxBytes);
  } catch {
    return undefined;
  }
}

/**
 * A JSON object the generator wrote for itself (a record, a cache entry, a
 * journal, a file the build prebuilt into `dist/`): undefined where
 * `readOwnFile` misses, or the text is not JSON or not an object. The caller
 * checks the fields it needs.
 */
export function readOwnJson(file: string): Record<string, unknown> | undefined {
  const data = readOwnFile(file);
  if (data === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(data.toString("utf8"));
  } catch {
    return undefined;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Why a file could not be read, in a few words: the refusal, or the system's code (`ENOENT`). */
export function readFailure(error: unknown): string {
  if (error instanceof RefusedFile) return error.message;
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/** Whether nothing is at the path: it, or a folder on it, does not exist (`ENOENT`), or a part of it is a file (`ENOTDIR`). */
export function isMissingPath(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/**
 * A large text kept in pieces (strings, or UTF-8 bytes already encoded) and
 * encoded through one buffer that every call reuses, never joined into one
 * string or one buffer. Joining megabytes costs more than it seems: a string
 * holding one character beyond Latin-1 is two bytes a character once joined,
 * and every fresh page of memory is a page fault (on some virtual machines,
 * tens of microseconds each). Writing `openapi/latest.json` (megabytes) joined
 * took several times as long as writing it piece by piece.
 */
export type TextPiece = string | Uint8Array;

const CHUNK = 1 << 20;
let chunk: Buffer | undefined;

/** The UTF-8 size of the pieces. */
export function byteLengthOf(pieces: Iterable<TextPiece>): number {
  let total = 0;
  for (const piece of pieces) total += typeof piece === "string" ? Buffer.byteLength(piece, "utf8") : piece.length;
  return total;
}

/**
 * Hands the pieces' UTF-8 to `sink`, in order, a buffer at a time: the same
 * buffer each time, valid only until `sink` returns. `sink` returns false to
 * stop early.
 */
export function encodePieces(pieces: Iterable<TextPiece>, sink: (bytes: Buffer) => boolean | void): void {
  const buffer = (chunk ??= Buffer.allocUnsafe(CHUNK));
  let used = 0;
  const flush = (): boolean => {
    const going = used === 0 || sink(buffer.subarray(0, used)) !== false;
    used = 0;
    return going;
  };
  for (const piece of pieces) {
    // A string takes at most three bytes for each of its UTF-16 units.
    const most = typeof piece === "string" ? piece.length * 3 : piece.length;
    if (used + most > CHUNK && !flush()) return;
    if (most > CHUNK) {
      // Larger than the buffer: handed over on its own.
      if (sink(bufferOf(piece)) === false) return;
      continue;
    }
    if (typeof piece === "string") {
      used += buffer.write(piece, used, "utf8");
    } else {
      buffer.set(piece, used);
      used += piece.length;
    }
  }
  flush();
}

/** The pieces joined, for a caller that needs one string (a test, a check); each piece of bytes holds whole characters. */
export function joinPieces(pieces: Iterable<TextPiece>): string {
  let text = "";
  for (const piece of pieces) text += typeof piece === "string" ? piece : bufferOf(piece).toString("utf8");
  return text;
}

/** A piece's bytes: a string's encoded, or a view of a piece of bytes. */
const bufferOf = (piece: TextPiece): Buffer =>
  typeof piece === "string" ? Buffer.from(piece, "utf8") : Buffer.from(piece.buffer, piece.byteOffset, piece.length);

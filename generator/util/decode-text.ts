/**
 * The text of a document's bytes, as the Encoding Standard's `decode` reads
 * them with UTF-8 as the fallback: a byte order mark says UTF-8, UTF-16LE or
 * UTF-16BE and is dropped; without one the bytes are UTF-8. The docs are
 * UTF-8, but a capture saved by a Windows shell's redirection (PowerShell 5's
 * `>`) or an editor set to "Unicode" is UTF-16 with a mark, which read as
 * UTF-8 is a NUL every other character. Bytes that are not of the encoding
 * read as U+FFFD, as a browser shows them; `decodeDocument` also says where
 * the first such byte of a UTF-8 file stood (a file saved as Latin-1 or
 * Windows-1252, say), so that a reader can name it.
 */
import { isUtf8 } from "node:buffer";
import { positionAt } from "./text-position.js";

const UTF16LE = new TextDecoder("utf-16le");
const UTF16BE = new TextDecoder("utf-16be");
const REPLACEMENT = "\ufffd";

export interface DecodedText {
  text: string;
  /** Where in the text the first byte that is not UTF-8 was read as U+FFFD; undefined where every byte was. */
  undecodable?: { line: number; column: number };
}

/** The text alone, with no scan for bytes that are not UTF-8: for a file no reader reports them in (a spec, a sources file). */
export function decodeText(bytes: Uint8Array): string {
  return utf16Text(bytes) ?? utf8Body(bytes).toString("utf8");
}

export function decodeDocument(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Text(bytes);
  if (utf16 !== undefined) return { text: utf16 };
  const body = utf8Body(bytes);
  const text = body.toString("utf8");
  if (isUtf8(body)) return { text };
  const at = firstReplaced(body, text);
  return at === undefined ? { text } : { text, undecodable: positionAt(text, at) };
}

/** The text of bytes whose byte order mark says UTF-16, without the mark (TextDecoder drops it); undefined for any other. */
function utf16Text(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE.decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16BE.decode(bytes);
  return undefined;
}

/** The bytes to read as UTF-8, a UTF-8 byte order mark left out: Buffer's own decoding, the faster, would keep it. */
function utf8Body(bytes: Uint8Array): Buffer {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? all.subarray(3) : all;
}

/**
 * The index in `text` of the first U+FFFD that stands for bytes that are not UTF-8, rather than for the character itself
 * (written EF BF BD). Up to it every character was decoded from its own bytes, so the bytes before a character are the
 * UTF-8 length of the text before it.
 */
function firstReplaced(bytes: Buffer, text: string): number | undefined {
  let byte = 0;
  let counted = 0;
  for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) {
    byte += Buffer.byteLength(text.slice(counted, at));
    if (bytes[byte] !== 0xef || bytes[byte + 1] !== 0xbf || bytes[byte + 2] !== 0xbd) return at;
    byte += 3;
    counted = at + 1;
  }
  return undefined;
}

/**
 * The text of a document's bytes, as the Encoding Standard's `decode` reads
 * them with UTF-8 as the fallback: a byte order mark says UTF-8, UTF-16LE or
 * UTF-16BE and is dropped; without one the bytes are UTF-8. The docs are
 * UTF-8, but a capture saved by a Windows shell's redirection (PowerShell 5's
 * `>`) or an editor set to "Unicode" is UTF-16 with a mark, which read as
 * UTF-8 is a NUL every other character. Bytes that are not of the encoding
 * read as U+FFFD, as a browser shows them.
 */

const UTF16LE = new TextDecoder("utf-16le");
const UTF16BE = new TextDecoder("utf-16be");

export function decodeText(bytes: Uint8Array): string {
  const [first, second, third] = bytes;
  // TextDecoder drops the mark it is given; Buffer's own UTF-8 decoding is the faster, and keeps one.
  if (first === 0xff && second === 0xfe) return UTF16LE.decode(bytes);
  if (first === 0xfe && second === 0xff) return UTF16BE.decode(bytes);
  const utf8 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return first === 0xef && second === 0xbb && third === 0xbf ? utf8.toString("utf8", 3) : utf8.toString("utf8");
}

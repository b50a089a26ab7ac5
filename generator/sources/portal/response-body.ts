/**
 * A response body read as a stream with a ceiling. fetch decompresses gzip,
 * deflate and brotli as the body is read, so the bytes counted here are the
 * decompressed ones: a small gzip bomb is abandoned as soon as what it expands
 * to passes the ceiling, and never costs more memory than the ceiling.
 */
import { decodeDocument, type DecodedText } from "../../util/decode-text.js";
import { headerCount } from "./server-numbers.js";

export class ResponseTooLarge extends Error {
  override name = "ResponseTooLarge";
}

export async function readCappedBody(response: Response, maxBytes: number): Promise<DecodedText> {
  const declared = headerCount(response.headers.get("content-length"));
  // A Content-Length counts the encoded bytes: it can only say early that a body is too large.
  if (declared !== undefined && declared > maxBytes && response.headers.get("content-encoding") === null) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, `its Content-Length is ${declared}`);
  }
  if (response.body === null) return { text: "" };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, "counted as it was decompressed");
    }
    chunks.push(value);
  }
  // As Response.text() reads it (UTF-8, bad bytes replaced), but a byte order mark may also say UTF-16, as a browser takes it.
  return decodeDocument(Buffer.concat(chunks, total));
}

function tooLarge(maxBytes: number, how: string): ResponseTooLarge {
  return new ResponseTooLarge(`the response is larger than the ${maxBytes} bytes a document may have (${how})`);
}

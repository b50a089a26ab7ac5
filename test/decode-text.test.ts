/**
 * Decoding a document's bytes (`generator/util/decode-text.ts`): the encoding
 * a byte order mark says, and where the first byte that is not UTF-8 stood.
 */
import { describe, expect, it } from "vitest";
import { decodeDocument } from "../generator/util/decode-text.js";

/** Text as UTF-8, and lists of bytes as they are. */
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.of(...part))));

describe("the encoding", () => {
  it("is UTF-8 without a mark, and a UTF-8 mark is dropped", () => {
    expect(decodeDocument(bytes('{"a": "é"}'))).toEqual({ text: '{"a": "é"}' });
    expect(decodeDocument(bytes([0xef, 0xbb, 0xbf], "é"))).toEqual({ text: "é" });
  });

  it("is UTF-16, little- or big-endian, where its mark says so, and the mark is dropped", () => {
    const littleEndian = Buffer.from("\ufeff# Résumé\n", "utf16le");
    expect(decodeDocument(littleEndian)).toEqual({ text: "# Résumé\n" });
    expect(decodeDocument(Buffer.from(littleEndian).swap16())).toEqual({ text: "# Résumé\n" });
  });
});

describe("a byte that is not UTF-8", () => {
  it("is read as U+FFFD, and its line and column are given", () => {
    expect(decodeDocument(bytes("one\ntwo ", [0xe9], "!"))).toEqual({ text: "one\ntwo \ufffd!", undecodable: { line: 2, column: 5 } });
  });

  it("is told from a U+FFFD the text itself holds before it", () => {
    expect(decodeDocument(bytes("\ufffd é \ufffd\n", [0xff]))).toEqual({
      text: "\ufffd é \ufffd\n\ufffd",
      undecodable: { line: 2, column: 1 },
    });
  });

  it("is placed after a UTF-8 byte order mark as an editor shows the line, without it", () => {
    expect(decodeDocument(bytes([0xef, 0xbb, 0xbf], "ab", [0x80]))).toEqual({ text: "ab\ufffd", undecodable: { line: 1, column: 3 } });
  });

  it("is not looked for in a text whose bytes are all UTF-8, however many U+FFFD it holds", () => {
    expect(decodeDocument(bytes("\ufffd\ufffd"))).toEqual({ text: "\ufffd\ufffd" });
  });
});

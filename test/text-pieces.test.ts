/**
 * A text in pieces is encoded, compared and written as the same bytes as the
 * text joined, whatever the pieces' sizes and kinds, and across the buffer
 * they are encoded through.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sameContents } from "../generator/emit/same-contents.js";
import { byteLengthOf, encodePieces, joinPieces, type TextPiece } from "../generator/util/text-pieces.js";
import { writePiecesSync, writeWholeSync } from "../generator/util/write-whole.js";

const folder = mkdtempSync(path.join(tmpdir(), "pco-text-pieces-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const MiB = 1 << 20;

/** Strings and bytes of every size, some larger than the buffer, with characters of two, three and four bytes. */
function mixedPieces(): TextPiece[] {
  return [
    "{",
    "é".repeat(400_000), // 1.2 M units at three at most: more than the buffer holds
    Buffer.from("x".repeat(MiB + 3), "utf8"), // bytes larger than the buffer
    "’—🙂",
    Buffer.from("ascii tail", "utf8"),
    "",
    new Uint8Array(Buffer.from("done}\n", "utf8")),
  ];
}

const bytesOf = (pieces: readonly TextPiece[]): Buffer =>
  Buffer.concat(pieces.map((piece) => (typeof piece === "string" ? Buffer.from(piece, "utf8") : Buffer.from(piece))));

describe("encodePieces", () => {
  it("hands over the pieces' bytes in order, each hand-over no larger than a piece or the buffer", () => {
    const pieces = mixedPieces();
    const handed: Buffer[] = [];
    encodePieces(pieces, (bytes) => {
      handed.push(Buffer.from(bytes)); // copied: the buffer is reused after the call
    });
    expect(Buffer.concat(handed).equals(bytesOf(pieces))).toBe(true);
    expect(handed.length).toBeGreaterThan(2);
    expect(byteLengthOf(pieces)).toBe(bytesOf(pieces).length);
    expect(joinPieces(pieces)).toBe(bytesOf(pieces).toString("utf8"));
  });

  it("stops at the first hand-over the sink refuses", () => {
    let calls = 0;
    encodePieces(mixedPieces(), () => {
      calls += 1;
      return false;
    });
    expect(calls).toBe(1);
  });

  it("hands nothing over for no pieces, or only empty ones", () => {
    let calls = 0;
    encodePieces(["", new Uint8Array(0)], () => void (calls += 1));
    encodePieces([], () => void (calls += 1));
    expect(calls).toBe(0);
  });
});

describe("files from pieces", () => {
  it("writes the same bytes as the text joined, whole or plain", () => {
    const pieces = mixedPieces();
    const plain = path.join(folder, "plain.txt");
    writePiecesSync(plain, pieces);
    expect(readFileSync(plain).equals(bytesOf(pieces))).toBe(true);
    const whole = path.join(folder, "whole.txt");
    writeFileSync(whole, "old");
    writeWholeSync(whole, pieces);
    expect(readFileSync(whole).equals(bytesOf(pieces))).toBe(true);
  });

  it("compares a file with pieces byte for byte, a character split across two pieces of bytes included", () => {
    const text = `${"a".repeat(MiB - 1)}é${"b".repeat(10)}`;
    const file = path.join(folder, "compared.txt");
    writeFileSync(file, text);
    const bytes = Buffer.from(text, "utf8");
    // The two bytes of "é" fall into two pieces, and across the buffer's end.
    const split = [bytes.subarray(0, MiB), bytes.subarray(MiB)];
    expect(sameContents(file, split)).toBe(true);
    expect(sameContents(file, ["a".repeat(MiB - 1), "é", "b".repeat(10)])).toBe(true);
    expect(sameContents(file, ["a".repeat(MiB - 1), "e", "b".repeat(11)])).toBe(false); // same size, one byte other
    expect(sameContents(file, ["a".repeat(MiB - 1), "é", "b".repeat(9)])).toBe(false); // a byte short
    expect(sameContents(file, [...split, "b"])).toBe(false); // a byte long
  });
});

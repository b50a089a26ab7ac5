/** A file is the same as given contents exactly when their bytes are, wherever a difference lies. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { sameContents } from "../generator/emit/same-contents.js";

const folder = mkdtempSync(path.join(tmpdir(), "pco-same-contents-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const fileWith = (name: string, text: string): string => {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
};

it("compares text and bytes with the file's bytes, across the chunks it is read in", () => {
  // Three and a half chunks of the reader's 1 MiB, with non-ASCII text (two bytes each in UTF-8).
  const large = "é".repeat(1 << 20) + "x".repeat(1 << 20) + "y".repeat(1 << 19);
  const file = fileWith("large.txt", large);
  expect(sameContents(file, large)).toBe(true);
  expect(sameContents(file, Buffer.from(large, "utf8"))).toBe(true);
  for (const at of [0, (1 << 20) + 5, large.length - 1]) {
    const changed = `${large.slice(0, at)}z${large.slice(at + 1)}`;
    // Same length in characters; the byte length differs only where an "é" was replaced.
    expect(sameContents(file, changed), `a change at ${at}`).toBe(false);
    expect(sameContents(file, Buffer.from(changed, "utf8")), `a change at ${at}, as bytes`).toBe(false);
  }
  const sameSize = `${large.slice(0, -1)}z`;
  expect(Buffer.byteLength(sameSize)).toBe(Buffer.byteLength(large));
  expect(sameContents(file, sameSize)).toBe(false);
});

it("holds an empty file the same as empty contents, and no other", () => {
  const file = fileWith("empty.txt", "");
  expect(sameContents(file, "")).toBe(true);
  expect(sameContents(file, Buffer.alloc(0))).toBe(true);
  expect(sameContents(file, " ")).toBe(false);
});

it("reads a small file after a large one without what the large one left in its buffer", () => {
  fileWith("first.txt", "a".repeat(1 << 20));
  const small = fileWith("small.txt", "abc");
  expect(sameContents(path.join(folder, "first.txt"), "a".repeat(1 << 20))).toBe(true);
  expect(sameContents(small, "abc")).toBe(true);
  expect(sameContents(small, "abd")).toBe(false);
});

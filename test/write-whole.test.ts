/**
 * A file written whole is the old file or the new one, never a part, and a
 * failed write leaves no temporary file behind; a cache file that cannot be
 * written is given up without an error.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { writeCacheFile, writeWholeSync } from "../generator/util/write-whole.js";

const folder = mkdtempSync(path.join(tmpdir(), "pco-write-whole-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("writes the pieces one after the other over the old file, leaving nothing else beside it", () => {
  const file = path.join(folder, "pieces", "file.txt");
  mkdirSync(path.dirname(file));
  writeFileSync(file, "old contents");
  writeWholeSync(file, ["a", "é".repeat(3), "", "b\n"]);
  expect(readFileSync(file, "utf8")).toBe("aéééb\n");
  expect(readdirSync(path.dirname(file))).toEqual(["file.txt"]);
});

it("throws where the file cannot be put, and removes its temporary file", () => {
  const target = path.join(folder, "a-folder");
  mkdirSync(path.join(target, "inside"), { recursive: true });
  // A folder that is not empty cannot be replaced by a file.
  expect(() => writeWholeSync(target, ["text"])).toThrow();
  expect(readdirSync(folder).filter((name) => name.startsWith("a-folder."))).toEqual([]);
});

it("writes a cache file, making its folder, and gives up quietly where the cache cannot be written", () => {
  const file = path.join(folder, "cache", "deep", "entry.json");
  writeCacheFile(file, ['{"a":', "1}"]);
  expect(readFileSync(file, "utf8")).toBe('{"a":1}');
  const blocked = path.join(folder, "blocked");
  writeFileSync(blocked, "a file where the cache wants a folder");
  expect(() => writeCacheFile(path.join(blocked, "entry.json"), ["x"])).not.toThrow();
  expect(readFileSync(blocked, "utf8")).toBe("a file where the cache wants a folder");
});

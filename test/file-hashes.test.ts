/** Hashing files through one buffer gives each file's own sha256, whatever its size against the buffer's. */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { fileHashes } from "../generator/util/file-hashes.js";

const folder = mkdtempSync(path.join(tmpdir(), "pco-file-hashes-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("gives the sha256 of each file's bytes, for files smaller, as large as and larger than its buffer", () => {
  const MiB = 1 << 20;
  const files = [0, 1, 4096, MiB - 1, MiB, MiB + 1, 3 * MiB + 17].map((size, i) => {
    const file = path.join(folder, `file-${i}.bin`);
    writeFileSync(file, randomBytes(size));
    return file;
  });
  // A large file before a small one: what the buffer held must not leak into the next hash.
  const order = [...files].reverse();
  const expected = order.map((file) => createHash("sha256").update(readFileSync(file)).digest("hex"));
  expect(fileHashes(order)).toEqual(expected);
  expect(new Set(expected).size).toBe(files.length);
});

it("fails on a file that cannot be read", () => {
  expect(() => fileHashes([path.join(folder, "missing.json")])).toThrow(/ENOENT/);
});

it("hashes no more of a file than its cap and one byte: files within the cap whole, a larger one by that much", () => {
  const MiB = 1 << 20;
  const bytes = randomBytes(2 * MiB + 10);
  const within = path.join(folder, "within.bin");
  const over = path.join(folder, "over.bin");
  writeFileSync(within, bytes.subarray(0, MiB + 5));
  writeFileSync(over, bytes);
  const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
  expect(fileHashes([within, over], MiB + 5)).toEqual([sha256(bytes.subarray(0, MiB + 5)), sha256(bytes.subarray(0, MiB + 6))]);
});

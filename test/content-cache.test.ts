/**
 * The content-addressed caches: an entry reads back as written (in one piece
 * or from pieces), a hit renews it, and pruning removes the
 * least recently used entries down to a size.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { listFiles } from "../generator/emit.js";
import { contentCache } from "../generator/util/content-cache.js";

let dir: string;
const previousCache = process.env.PCO_CODEGEN_CACHE;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-content-cache-"));
  process.env.PCO_CODEGEN_CACHE = dir;
});

afterEach(async () => {
  if (previousCache === undefined) delete process.env.PCO_CODEGEN_CACHE;
  else process.env.PCO_CODEGEN_CACHE = previousCache;
  await rm(dir, { recursive: true, force: true });
});

/** Sets every entry's last use to the same moment in the past, so that only hits after it order them. */
async function ageEverything(): Promise<void> {
  const past = new Date(Date.now() - 3_600_000);
  for (const file of await listFiles(path.join(dir, "things"))) await utimes(path.join(dir, "things", file), past, past);
}

it("reads back what was written, and nothing for an identity never written", () => {
  const cache = contentCache("things");
  cache.write("a", "alpha");
  expect(cache.read("a")).toBe("alpha");
  expect(cache.read("b")).toBeUndefined();
});

it("prunes the least recently used entries down to the size given", async () => {
  const cache = contentCache("things");
  for (const name of ["a", "b", "c"]) cache.write(name, name.repeat(100));
  await ageEverything();
  expect(cache.read("a")).toBe("a".repeat(100)); // used now: the newest
  cache.prune(250);
  expect(cache.read("a")).toBe("a".repeat(100));
  // Of b and c (same last use), one is kept to fill the 250 bytes and the other removed.
  expect([cache.read("b"), cache.read("c")].filter((t) => t !== undefined)).toHaveLength(1);
  expect((await listFiles(path.join(dir, "things"))).filter((f) => f !== "pruned")).toHaveLength(2);
});

it("prunes a folder at most once an hour", async () => {
  const cache = contentCache("things");
  cache.write("a", "a".repeat(100));
  cache.prune(1_000);
  cache.write("b", "b".repeat(100));
  cache.prune(0); // within the hour: left as it is
  expect([cache.read("a"), cache.read("b")]).toEqual(["a".repeat(100), "b".repeat(100)]);
  cache.prune(0, Date.now() + 3_600_001);
  expect([cache.read("a"), cache.read("b")]).toEqual([undefined, undefined]);
});

it("prunes only its own entries, and the temporary files a killed writer left: never a file of someone else's", async () => {
  const cache = contentCache("things");
  cache.write("a", "a".repeat(100));
  const entry = (await listFiles(path.join(dir, "things")))[0]!;
  const others = ["notes.txt", "ab/notes.txt", "deep/ab/" + path.basename(entry), path.basename(entry)];
  for (const file of others) {
    await mkdir(path.dirname(path.join(dir, "things", file)), { recursive: true });
    await writeFile(path.join(dir, "things", file), "mine");
  }
  await writeFile(path.join(dir, "things", `${entry}.4242.tmp`), "left by a killed writer");
  cache.prune(0);
  expect((await listFiles(path.join(dir, "things"))).filter((f) => f !== "pruned").sort()).toEqual([...others].sort());
});

it("keeps everything when it fits, and tolerates a cache folder that does not exist", async () => {
  const cache = contentCache("things");
  cache.prune(10);
  for (const name of ["a", "b"]) cache.write(name, name.repeat(100));
  cache.prune(1_000);
  expect((await listFiles(path.join(dir, "things"))).filter((f) => f !== "pruned")).toHaveLength(2);
});

it("writes an entry from its pieces, whole, and gives up quietly where the cache cannot take it", async () => {
  const cache = contentCache("things");
  const pieces = ['{"head":1}\n', "é".repeat(70_000), "", "tail"];
  cache.writePieces("a", pieces);
  expect(cache.read("a")).toBe(pieces.join(""));

  // A file where the cache's folder should be: no folder can be made, nothing is written, and nothing is left.
  await writeFile(path.join(dir, "blocked"), "not a folder");
  expect(() => contentCache("blocked").writePieces("b", ["b"])).not.toThrow();
  expect(contentCache("blocked").read("b")).toBeUndefined();
  expect((await listFiles(dir)).filter((file) => file.endsWith(".tmp"))).toEqual([]);
});

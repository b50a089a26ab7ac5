/**
 * A folder of the generator's cache holding texts by the hash of what
 * produced them. Entries are written whole (a temporary file, then a rename),
 * so a reader finds an entry complete or not at all. Every failure only costs
 * speed: an entry that cannot be read is a miss, one that cannot be written
 * is not kept.
 */
import { createHash } from "node:crypto";
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheRoot } from "./cache-root.js";
import { readOwnFile } from "./read-capped.js";
import type { TextPiece } from "./text-pieces.js";
import { TEMPORARY_SUFFIX, writeCacheFile } from "./write-whole.js";

export interface ContentCache {
  /** The entry for `identity` (everything that decides it), or undefined. A hit is marked used now (`prune`). */
  read(identity: string): string | undefined;
  /** The same, as it is on disk. */
  readBytes(identity: string): Buffer | undefined;
  write(identity: string, text: string): void;
  /** The entry written from its pieces, in order: megabytes of rendered files are written without joining them into one string first. */
  writePieces(identity: string, pieces: readonly TextPiece[]): void;
  /**
   * Removes the entries least recently used until the folder holds at most
   * `bytes`. Listing a large cache costs a fraction of a second, so a folder
   * is pruned at most once an hour: in between it may outgrow `bytes` by what
   * that hour added.
   */
  prune(bytes: number, now?: number): void;
}

/** Marks the last prune of a folder, by its modification time. */
const PRUNED = "pruned";
const PRUNE_EVERY_MS = 3_600_000;

export function contentCache(name: string): ContentCache {
  const folder = () => path.join(cacheRoot(), name);
  const fileOf = (identity: string) => {
    const key = createHash("sha256").update(identity).digest("hex");
    return path.join(folder(), key.slice(0, 2), key);
  };
  const writePieces = (identity: string, pieces: readonly TextPiece[]): void => writeCacheFile(fileOf(identity), pieces);
  const readBytes = (identity: string): Buffer | undefined => {
    const file = fileOf(identity);
    const data = readOwnFile(file);
    if (data === undefined) return undefined;
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // read, but not marked as used: pruned sooner, which only costs time
    }
    return data;
  };
  return {
    read: (identity) => readBytes(identity)?.toString("utf8"),
    readBytes,
    prune(bytes, now = Date.now()) {
      const mark = path.join(folder(), PRUNED);
      try {
        if (now - statSync(mark).mtimeMs < PRUNE_EVERY_MS) return;
      } catch {
        // never pruned yet
      }
      try {
        pruneFolder(folder(), bytes);
        writeFileSync(mark, "");
      } catch {
        // a cache that cannot be listed or emptied only costs disk space
      }
    },
    write: (identity, text) => writePieces(identity, [text]),
    writePieces,
  };
}

/**
 * What the cache writes into its folder: `<2 hex>/<64 hex>`, and the temporary file a killed writer left beside one. Nothing
 * else is pruned, or even listed: a cache folder set to one that holds other files (`PCO_CODEGEN_CACHE=~`) loses none of
 * them, and its other sub-folders are never walked.
 */
const ENTRY_NAME = /^[0-9a-f]{64}$/;
const SHARD_NAME = /^[0-9a-f]{2}$/;

/** The cache's own entry files in `folder`, by path. */
function entryFiles(folder: string): string[] {
  const shards = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory() && SHARD_NAME.test(entry.name));
  return shards.flatMap((shard) =>
    readdirSync(path.join(folder, shard.name), { withFileTypes: true })
      .filter((entry) => entry.isFile() && ENTRY_NAME.test(entry.name.replace(TEMPORARY_SUFFIX, "")))
      .map((entry) => path.join(folder, shard.name, entry.name)),
  );
}

/** The oldest entries (by modification time, which a hit renews) removed until the rest fit in `bytes`. */
function pruneFolder(folder: string, bytes: number): void {
  const entries = entryFiles(folder)
    .map((file) => {
      const stat = statSync(file);
      return { file, size: stat.size, used: stat.mtimeMs };
    })
    .sort((a, b) => b.used - a.used || (a.file < b.file ? -1 : 1));
  let kept = 0;
  for (const entry of entries) {
    kept += entry.size;
    if (kept > bytes) rmSync(entry.file, { force: true });
  }
}

/**
 * A disk cache of documentation responses, revalidated on every use: the next
 * scrape sends `If-None-Match` / `If-Modified-Since` and an unchanged document
 * comes back as a bodiless 304. One JSON file per URL, written atomically.
 * A cache that cannot be written (read-only, a file where its folder should
 * be, --cache-dir under /proc) costs the next scrape its 304s, nothing more.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { readOwnJson } from "../../util/read-capped.js";
import { writeCacheFile } from "../../util/write-whole.js";

export interface CachedResponse {
  url: string;
  etag?: string;
  lastModified?: string;
  body: string;
  /** Where the body's first byte that is not UTF-8 stood (`util/decode-text.ts`): a 304 warns of it as the 200 did. */
  undecodable?: { line: number; column: number };
}

export class HttpCache {
  constructor(private readonly dir: string) {}

  async get(url: string): Promise<CachedResponse | undefined> {
    // Absent or unreadable: fetched afresh.
    const entry = readOwnJson(this.fileOf(url)) as Partial<CachedResponse> | undefined;
    if (entry?.url !== url || typeof entry.body !== "string") return undefined;
    const { undecodable, ...response } = entry as CachedResponse;
    return isPosition(undecodable) ? { ...response, undecodable } : response;
  }

  async put(entry: CachedResponse): Promise<void> {
    if (entry.etag === undefined && entry.lastModified === undefined) return; // nothing to revalidate with
    writeCacheFile(this.fileOf(entry.url), [JSON.stringify(entry)]);
  }

  private fileOf(url: string): string {
    return path.join(this.dir, `${createHash("sha256").update(url).digest("hex")}.json`);
  }
}

/** A line and column as a cache entry holds them, checked: the entry is a file anyone can write. */
const isPosition = (value: unknown): value is { line: number; column: number } =>
  typeof value === "object" &&
  value !== null &&
  isCount((value as { line?: unknown }).line) &&
  isCount((value as { column?: unknown }).column);

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 1;

/** `$XDG_CACHE_HOME/pco-codegen/http`, else `~/.cache/pco-codegen/http`. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(process.env.HOME || process.cwd(), ".cache");
  return path.join(base, "pco-codegen", "http");
}

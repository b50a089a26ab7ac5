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
}

export class HttpCache {
  constructor(private readonly dir: string) {}

  async get(url: string): Promise<CachedResponse | undefined> {
    // Absent or unreadable: fetched afresh.
    const entry = readOwnJson(this.fileOf(url)) as Partial<CachedResponse> | undefined;
    return entry?.url === url && typeof entry.body === "string" ? (entry as CachedResponse) : undefined;
  }

  async put(entry: CachedResponse): Promise<void> {
    if (entry.etag === undefined && entry.lastModified === undefined) return; // nothing to revalidate with
    writeCacheFile(this.fileOf(entry.url), [JSON.stringify(entry)]);
  }

  private fileOf(url: string): string {
    return path.join(this.dir, `${createHash("sha256").update(url).digest("hex")}.json`);
  }
}

/** `$XDG_CACHE_HOME/pco-codegen/http`, else `~/.cache/pco-codegen/http`. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(process.env.HOME || process.cwd(), ".cache");
  return path.join(base, "pco-codegen", "http");
}

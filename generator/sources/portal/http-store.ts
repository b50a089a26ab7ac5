/**
 * The documentation API over HTTP. Every request is paced by one RateLimiter,
 * revalidated against the disk cache, retried on transient failures with
 * bounded, jittered backoff, and refused if redirected to another host. When a
 * document cannot be fetched, the whole read fails with exit code 2: a scrape
 * never writes a spec from part of the docs, and an unreachable server is never
 * mistaken for "nothing changed".
 *
 * The server is not trusted: a body is read as a stream and abandoned once its
 * decompressed bytes pass `maxResponseBytes` (a gzip bomb costs no more than
 * that); a Retry-After or rate period beyond `maxRetryAfterMs` fails at once,
 * naming the wait asked for; and a document path never leaves the base URL.
 */
import { GeneratorError } from "../../diagnostics.js";
import { defaultCacheDir, HttpCache } from "./http-cache.js";
import { DEFAULT_WAIT_LIMITS, RateLimiter, systemClock, WaitRefused, type Clock, type RateLimitState } from "./rate-limiter.js";
import { readCappedBody, ResponseTooLarge } from "./response-body.js";
import { headerCount } from "./server-numbers.js";
import type { PortalStore, RawDocument } from "./store.js";
import type { DecodedText } from "../../util/decode-text.js";

export interface HttpStoreOptions {
  /** Disk cache folder; `false` turns the cache off. */
  cacheDir?: string | false;
  rateLimit?: RateLimitState;
  /** Per-request timeout, headers and body together. */
  timeoutMs?: number;
  /** Retries of a network error, timeout or 5xx. */
  maxRetries?: number;
  /** First backoff delay; doubles on each retry, capped at `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** 429 responses tolerated for one document before giving up. */
  max429?: number;
  /** Longest Retry-After or rate period waited for; a longer one fails the read at once. */
  maxRetryAfterMs?: number;
  /** Most time spent waiting for the rate limit over the store's life. */
  maxTotalWaitMs?: number;
  /** Largest response body, counted in decompressed bytes. */
  maxResponseBytes?: number;
  clock?: Clock;
  /** Counts of what crossed the network, filled in as the store is used. */
  stats?: HttpStats;
  /** The Accept header: JSON:API documents unless a reader of pages asks for HTML or text. */
  accept?: string;
}

export interface HttpStats {
  requests: number;
  bytes: number;
  notModified: number;
  status429: number;
  retries: number;
}

export const emptyStats = (): HttpStats => ({ requests: 0, bytes: 0, notModified: 0, status429: 0, retries: 0 });

const MAX_REDIRECTS = 5;

/** 32 MiB: the largest documentation document is about 2 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export function httpStore(baseUrl: string, options: HttpStoreOptions = {}): PortalStore & { stats: HttpStats; limiter: RateLimiter } {
  const base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  const clock = options.clock ?? systemClock;
  const limiter = new RateLimiter(options.rateLimit, clock, {
    maxWaitMs: options.maxRetryAfterMs ?? DEFAULT_WAIT_LIMITS.maxWaitMs,
    maxTotalWaitMs: options.maxTotalWaitMs ?? DEFAULT_WAIT_LIMITS.maxTotalWaitMs,
  });
  const cache = options.cacheDir === false ? undefined : new HttpCache(options.cacheDir ?? defaultCacheDir());
  const stats = options.stats ?? emptyStats();
  const settings = {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 4,
    backoffMs: options.backoffMs ?? 500,
    maxBackoffMs: options.maxBackoffMs ?? 10_000,
    max429: options.max429 ?? 10,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };

  async function get(url: URL): Promise<RawDocument | undefined> {
    const cached = await cache?.get(url.href);
    let failures = 0;
    let refusals = 0;
    let target = url;
    for (let redirects = 0; ;) {
      await refusedWaits(target, () => limiter.acquire());
      let response: Response;
      let body: DecodedText;
      try {
        stats.requests += 1;
        response = await fetch(target, {
          redirect: "manual",
          signal: AbortSignal.timeout(settings.timeoutMs),
          headers: {
            accept: options.accept ?? "application/vnd.api+json, application/json",
            "user-agent": "pco-codegen (documentation reader)",
            ...(cached?.etag ? { "if-none-match": cached.etag } : {}),
            ...(cached?.lastModified ? { "if-modified-since": cached.lastModified } : {}),
          },
        });
        body = await readCappedBody(response, settings.maxResponseBytes);
      } catch (error) {
        limiter.release();
        if (error instanceof ResponseTooLarge) throw unreachable(target, error.message);
        failures += 1;
        if (failures > settings.maxRetries) throw unreachable(target, describeNetworkError(error), error);
        stats.retries += 1;
        await clock.sleep(backoff(failures, settings));
        continue;
      }
      await refusedWaits(target, async () => limiter.release(response.headers));
      stats.bytes += Buffer.byteLength(body.text);

      if (response.status === 304 && cached !== undefined) {
        stats.notModified += 1;
        return { text: cached.body, location: url.href, ...(cached.undecodable && { undecodable: cached.undecodable }) };
      }
      if (response.ok) {
        await cache?.put({
          url: url.href,
          body: body.text,
          ...(body.undecodable && { undecodable: body.undecodable }),
          ...(response.headers.get("etag") ? { etag: response.headers.get("etag")! } : {}),
          ...(response.headers.get("last-modified") ? { lastModified: response.headers.get("last-modified")! } : {}),
        });
        return { ...body, location: url.href };
      }
      if (response.status === 404 || response.status === 410) return undefined;
      if (response.status >= 300 && response.status < 400) {
        target = followRedirect(target, response, base, redirectScope(url, base));
        redirects += 1;
        if (redirects > MAX_REDIRECTS) throw unreachable(url, `more than ${MAX_REDIRECTS} redirects`);
        continue;
      }
      if (response.status === 429) {
        stats.status429 += 1;
        refusals += 1;
        if (refusals > settings.max429) throw unreachable(url, `still rate limited (429) after ${settings.max429} waits`);
        const wait = retryAfterMs(response, limiter.state.periodMs);
        await refusedWaits(url, async () => limiter.pause(wait, "a wait (Retry-After)"));
        continue;
      }
      if (response.status >= 500 || response.status === 408) {
        failures += 1;
        if (failures > settings.maxRetries) throw unreachable(url, `HTTP ${response.status} after ${settings.maxRetries} retries`);
        stats.retries += 1;
        await clock.sleep(backoff(failures, settings));
        continue;
      }
      throw unreachable(url, `HTTP ${response.status} ${response.statusText}`.trim());
    }
  }

  return {
    location: base.href.replace(/\/$/, ""),
    stats,
    limiter,
    listApps: async () => undefined,
    listVersions: async () => [],
    listVertices: async () => [],
    read: async (documentPath) => get(insideBase(documentPath, base)),
  };
}

/** The URL of a document path, which must stay on the base URL's origin and under its path. */
function insideBase(documentPath: string, base: URL): URL {
  const url = new URL(documentPath, base);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
    throw new GeneratorError(`refused to fetch ${JSON.stringify(documentPath)}: it resolves to ${url.href}, outside ${base.href}`, {
      exitCode: 2,
    });
  }
  return url;
}

/** A wait the limiter refuses (a Retry-After or rate period beyond the cap, the total spent) fails the read. */
async function refusedWaits<T>(url: URL, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof WaitRefused) throw unreachable(url, error.message);
    throw error;
  }
}

/**
 * Where a redirect from `url` may lead: a path under the base path and inside the first folder of `url` below it (its app:
 * `people/`), where it has one. A server may move a document within its app, never send the reader to another app's documents
 * or to paths that are not documentation at all (`/../../etc/passwd` resolves to `/etc/passwd`).
 */
function redirectScope(url: URL, base: URL): string {
  const below = url.pathname.slice(base.pathname.length);
  const slash = below.indexOf("/");
  return base.pathname + (slash === -1 ? "" : below.slice(0, slash + 1));
}

/** Follows a redirect on the same origin and within `scope`; a redirect elsewhere, or to what is not a URL, is refused. */
function followRedirect(from: URL, response: Response, base: URL, scope: string): URL {
  const location = response.headers.get("location");
  if (location === null) throw unreachable(from, `HTTP ${response.status} without a Location`);
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw unreachable(from, `refused a redirect to ${JSON.stringify(location.slice(0, 200))}, which is not a URL`);
  }
  if (next.origin !== base.origin) {
    throw unreachable(from, `refused a redirect to another host (${next.origin})`);
  }
  if (!next.pathname.startsWith(scope)) {
    throw unreachable(from, `refused a redirect to ${next.pathname}, outside ${scope}`);
  }
  return next;
}

/** Retry-After in seconds or as an HTTP date; without one, a whole rate period. */
function retryAfterMs(response: Response, periodMs: number): number {
  const header = response.headers.get("retry-after")?.trim();
  if (header === undefined || header === "") return periodMs;
  if (/^\d+$/.test(header)) return (headerCount(header) ?? 0) * 1000;
  if (/^\d+\.\d+$/.test(header)) return Math.ceil(Number(header) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? periodMs : Math.max(0, date - Date.now());
}

/** Exponential backoff with full jitter. */
function backoff(attempt: number, settings: { backoffMs: number; maxBackoffMs: number }): number {
  const ceiling = Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}

function unreachable(url: URL, reason: string, cause?: unknown): GeneratorError {
  return new GeneratorError(`cannot fetch ${url.href}: ${reason}`, { exitCode: 2, cause });
}

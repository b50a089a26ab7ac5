/**
 * Planning Center's rate limiting: at most `limit` requests per
 * `periodSeconds` for each set of credentials, over a sliding window. Refused
 * requests do not count, so a client that waits `Retry-After` seconds is
 * served again.
 */

export interface RateLimit {
  limit: number;
  periodSeconds: number;
}

export type Admission = { allowed: true; count: number } | { allowed: false; count: number; retryAfterSeconds: number };

/** The keys a window remembers at most; past it, the least recently seen key is forgotten first. */
export const MAX_RATE_KEYS = 10_000;

export class SlidingWindow {
  /** In least-recently-seen order: a key seen again moves to the end. */
  private readonly arrivals = new Map<string, number[]>();

  constructor(
    readonly rate: RateLimit,
    private readonly clock: () => number = () => performance.now(),
    private readonly maxKeys = MAX_RATE_KEYS,
  ) {}

  /** Keys remembered now: never more than `maxKeys`. */
  get size(): number {
    return this.arrivals.size;
  }

  /** Admits or refuses one request by `key` (the credentials, or the client's address). */
  take(key: string): Admission {
    const now = this.clock();
    const windowMs = this.rate.periodSeconds * 1000;
    const recent = (this.arrivals.get(key) ?? []).filter((t) => t > now - windowMs);
    this.arrivals.delete(key);
    this.evict(now - windowMs);
    if (recent.length < this.rate.limit) {
      recent.push(now);
      this.arrivals.set(key, recent);
      return { allowed: true, count: recent.length };
    }
    this.arrivals.set(key, recent);
    const retryAfterSeconds = Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
    return { allowed: false, count: recent.length + 1, retryAfterSeconds };
  }

  /**
   * Makes room for one more key: keys whose requests have all left the window
   * are forgotten (they would be admitted afresh anyway), oldest first; when
   * every key is still counting, the least recently seen one is forgotten.
   */
  private evict(cutoff: number): void {
    for (const [key, times] of this.arrivals) {
      if (this.arrivals.size < this.maxKeys && times[times.length - 1]! > cutoff) break;
      if (this.arrivals.size >= this.maxKeys || times[times.length - 1]! <= cutoff) this.arrivals.delete(key);
    }
  }
}

/** `100/20s` (or `100/20`): a limit per period in whole seconds, as the API's headers state it. */
export function parseRateLimit(text: string): RateLimit | undefined {
  const match = /^(\d{1,9})\/(\d{1,9})s?$/.exec(text.trim());
  if (match === null) return undefined;
  const limit = Number(match[1]);
  const periodSeconds = Number(match[2]);
  return limit > 0 && periodSeconds > 0 ? { limit, periodSeconds } : undefined;
}

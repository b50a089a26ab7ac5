/**
 * Client-side pacing for Planning Center's rate limit (by default 100 requests
 * per 20 seconds, announced in `X-PCO-API-Request-Rate-Limit` and `-Period`).
 *
 * A sliding window over the times responses arrived, plus the requests still in
 * flight. A response arrives after the server counted its request, so a window
 * measured from arrivals never holds fewer requests than the server's window:
 * a client that waits for it is never refused. Every request of one scrape goes
 * through one limiter, however many run at once.
 *
 * A new limiter does not know what the same credentials used just before, so
 * it sends one request alone and learns the server's count from the response
 * before sending more; requests the server counted that this limiter did not
 * send are added to its window.
 */

export interface RateLimitState {
  limit: number;
  periodMs: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class RateLimiter {
  private limit: number;
  private periodMs: number;
  private readonly arrivals: number[] = [];
  private inFlight = 0;
  private pausedUntil = 0;
  private learned = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(initial: RateLimitState = { limit: 100, periodMs: 20_000 }, private readonly clock: Clock = systemClock) {
    this.limit = initial.limit;
    this.periodMs = initial.periodMs;
  }

  get state(): RateLimitState {
    return { limit: this.limit, periodMs: this.periodMs };
  }

  /** Waits for a free slot. Callers take slots in the order they asked. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Marks a request finished, learning the server's limit from its headers. */
  release(headers?: Headers): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.arrivals.push(this.clock.now());
    if (headers !== undefined) this.learn(headers);
    else this.learned = true; // no answer to learn from: carry on with the assumed limit
  }

  /** Stops every request until `ms` from now (a 429's Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      while (this.arrivals.length > 0 && this.arrivals[0]! <= now - this.periodMs) this.arrivals.shift();
      const capacity = this.learned ? this.limit : Math.min(1, this.limit);
      if (this.arrivals.length + this.inFlight < capacity) {
        this.inFlight += 1;
        return;
      }
      // Wait for the oldest arrival to leave the window, or for an in-flight request to land.
      const oldest = this.arrivals[0];
      await this.clock.sleep(oldest === undefined ? 10 : Math.max(1, oldest + this.periodMs - now + 1));
    }
  }

  private learn(headers: Headers): void {
    const limit = positiveInt(headers.get("x-pco-api-request-rate-limit"));
    const period = positiveInt(headers.get("x-pco-api-request-rate-period"));
    const count = positiveInt(headers.get("x-pco-api-request-rate-count"));
    if (limit !== undefined) this.limit = limit;
    if (period !== undefined) this.periodMs = period * 1000;
    // Requests the server counted but this limiter did not send (an earlier run, another
    // client with the same credentials) take room in the window, as if they had just arrived.
    const unseen = (count ?? 0) - (this.arrivals.length + this.inFlight);
    const now = this.clock.now();
    for (let i = 0; i < unseen; i += 1) this.arrivals.push(now);
    this.learned = true;
  }
}

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

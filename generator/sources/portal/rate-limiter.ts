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
 *
 * The server's numbers are not trusted: the window holds counts, not one entry
 * per request, so a count of 300000000 costs one entry; a count never exceeds
 * the limit; a period or pause longer than `maxWaitMs` is refused at once
 * (WaitRefused) rather than slept through; and the waits of one limiter add up
 * to at most `maxTotalWaitMs`.
 */
import { describeWait, headerCount, timerDelay } from "./server-numbers.js";

export interface RateLimitState {
  limit: number;
  periodMs: number;
}

export interface WaitLimits {
  /** The longest single wait (a rate period, a Retry-After) this limiter accepts. */
  maxWaitMs: number;
  /** The most this limiter waits over its whole life (one scrape). */
  maxTotalWaitMs: number;
}

export const DEFAULT_WAIT_LIMITS: WaitLimits = { maxWaitMs: 120_000, maxTotalWaitMs: 20 * 60_000 };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, timerDelay(ms))),
};

/** A wait the server asked for that this limiter will not make; the message names the wait. */
export class WaitRefused extends Error {
  override name = "WaitRefused";
}

/** Requests that arrived at one time: the window keeps a count, however large. */
interface Arrivals {
  at: number;
  count: number;
}

export class RateLimiter {
  private limit: number;
  private periodMs: number;
  private readonly arrivals: Arrivals[] = [];
  private inWindow = 0;
  private inFlight = 0;
  private pausedUntil = 0;
  private learned = false;
  private waitedMs = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly limits: WaitLimits;

  constructor(
    initial: RateLimitState = { limit: 100, periodMs: 20_000 },
    private readonly clock: Clock = systemClock,
    limits: Partial<WaitLimits> = {},
  ) {
    this.limit = initial.limit;
    this.periodMs = initial.periodMs;
    this.limits = { ...DEFAULT_WAIT_LIMITS, ...limits };
  }

  get state(): RateLimitState {
    return { limit: this.limit, periodMs: this.periodMs };
  }

  /** Entries held for the window (at most one per arrival time, whatever the counts). */
  get windowEntries(): number {
    return this.arrivals.length;
  }

  /** Milliseconds waited so far. */
  get waited(): number {
    return this.waitedMs;
  }

  /** Waits for a free slot. Callers take slots in the order they asked. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * Marks a request finished, learning the server's limit from its headers.
   * Throws WaitRefused when the headers announce a period beyond `maxWaitMs`.
   */
  release(headers?: Headers): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.add(this.clock.now(), 1);
    if (headers !== undefined) this.learn(headers);
    else this.learned = true; // no answer to learn from: carry on with the assumed limit
  }

  /** Stops every request until `ms` from now (a 429's Retry-After); a pause beyond `maxWaitMs` is refused. */
  pause(ms: number, what = "a pause"): void {
    if (!(ms <= this.limits.maxWaitMs)) throw this.refusal(ms, what);
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      this.forgetBefore(now - this.periodMs);
      const capacity = this.learned ? this.limit : Math.min(1, this.limit);
      if (this.inWindow + this.inFlight < capacity) {
        this.inFlight += 1;
        return;
      }
      // Wait for the oldest arrivals to leave the window, or for an in-flight request to land.
      const oldest = this.arrivals[0];
      await this.sleep(oldest === undefined ? 10 : Math.max(1, oldest.at + this.periodMs - now + 1));
    }
  }

  private async sleep(ms: number): Promise<void> {
    if (this.waitedMs + ms > this.limits.maxTotalWaitMs) {
      throw new WaitRefused(
        `rate limiting would take more than ${describeWait(this.limits.maxTotalWaitMs)} of waiting in all (${describeWait(this.waitedMs)} so far, ${describeWait(ms)} more asked for)`,
      );
    }
    this.waitedMs += ms;
    await this.clock.sleep(ms);
  }

  private add(at: number, count: number): void {
    const last = this.arrivals.at(-1);
    if (last !== undefined && last.at === at) last.count += count;
    else this.arrivals.push({ at, count });
    this.inWindow += count;
  }

  private forgetBefore(cutoff: number): void {
    while (this.arrivals.length > 0 && this.arrivals[0]!.at <= cutoff) this.inWindow -= this.arrivals.shift()!.count;
  }

  private learn(headers: Headers): void {
    const limit = headerCount(headers.get("x-pco-api-request-rate-limit"));
    const period = headerCount(headers.get("x-pco-api-request-rate-period"));
    if (period !== undefined && period * 1000 > this.limits.maxWaitMs) {
      throw this.refusal(period * 1000, "a rate period (X-PCO-API-Request-Rate-Period)");
    }
    if (limit !== undefined) this.limit = limit;
    if (period !== undefined) this.periodMs = period * 1000;
    // Requests the server counted but this limiter did not send (an earlier run, another
    // client with the same credentials) take room in the window, as if they had just arrived.
    // The server cannot have counted more than it allows.
    const count = headerCount(headers.get("x-pco-api-request-rate-count"), this.limit);
    const unseen = (count ?? 0) - (this.inWindow + this.inFlight);
    if (unseen > 0) this.add(this.clock.now(), unseen);
    this.learned = true;
  }

  private refusal(ms: number, what: string): WaitRefused {
    return new WaitRefused(
      `the server asks for ${what} of ${describeWait(ms)}, more than the ${describeWait(this.limits.maxWaitMs)} this reader waits`,
    );
  }
}

/**
 * The scraper's rate limiter fed the server's numbers at their worst, on a
 * clock that records the sleeps asked of it instead of sleeping.
 */
import { describe, expect, it } from "vitest";
import { RateLimiter, WaitRefused, type Clock } from "../../generator/sources/portal/rate-limiter.js";
import { headerCount, MAX_TIMER_MS, timerDelay } from "../../generator/sources/portal/server-numbers.js";

function recordingClock(): Clock & { sleeps: number[] } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

const rateHeaders = (limit: string, period: string, count: string) =>
  new Headers({ "x-pco-api-request-rate-limit": limit, "x-pco-api-request-rate-period": period, "x-pco-api-request-rate-count": count });

describe("the scraper's rate limiter", () => {
  it("keeps a count of 300000000 as one window entry, clamped to the limit", async () => {
    const clock = recordingClock();
    const limiter = new RateLimiter({ limit: 100, periodMs: 20_000 }, clock);
    await limiter.acquire();
    limiter.release(rateHeaders("100", "20", "300000000"));
    expect(limiter.windowEntries).toBe(1);
    // Clamped to the limit of 100, the window empties after one period: one wait of a period, not 3 million.
    await limiter.acquire();
    expect(clock.sleeps).toEqual([20_001]);
  });

  it("refuses a rate period beyond 120 s at once, naming it", async () => {
    const limiter = new RateLimiter(undefined, recordingClock());
    await limiter.acquire();
    expect(() => limiter.release(rateHeaders("1", "86400", "1"))).toThrow(
      new WaitRefused(
        "the server asks for a rate period (X-PCO-API-Request-Rate-Period) of 86400 s, more than the 120 s this reader waits",
      ),
    );
  });

  it("refuses a pause beyond 120 s and accepts one within it", () => {
    const limiter = new RateLimiter(undefined, recordingClock());
    expect(() => limiter.pause(3_600_000, "a wait (Retry-After)")).toThrow(/a wait \(Retry-After\) of 3600 s, more than the 120 s/);
    expect(() => limiter.pause(Number.POSITIVE_INFINITY)).toThrow(/of forever/);
    expect(() => limiter.pause(120_000)).not.toThrow();
  });

  it("bounds the waits of a whole run: past the budget, the next wait is refused", async () => {
    const clock = recordingClock();
    const limiter = new RateLimiter({ limit: 1, periodMs: 60_000 }, clock, { maxTotalWaitMs: 150_000 });
    await limiter.acquire();
    limiter.release(rateHeaders("1", "60", "1"));
    await limiter.acquire(); // waits one period
    limiter.release(rateHeaders("1", "60", "1"));
    await limiter.acquire(); // and another: 120 s in all
    limiter.release(rateHeaders("1", "60", "1"));
    await expect(limiter.acquire()).rejects.toThrow(/more than 150 s of waiting in all \(120 s so far, 60 s more asked for\)/);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(150_000);
  });
});

describe("numbers from headers and for timers", () => {
  it.each([
    ["300000000", 100, 100],
    ["7", 100, 7],
    ["0", 100, undefined],
    ["-5", 100, undefined],
    ["1e9", 100, undefined],
    ["99999999999999999999999999", Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ] as const)("headerCount(%s, at most %d) = %s", (given, max, want) => {
    expect(headerCount(given, max)).toBe(want);
  });

  it.each([
    [2 ** 40, MAX_TIMER_MS],
    [Number.POSITIVE_INFINITY, MAX_TIMER_MS],
    [Number.NaN, 0],
    [-3, 0],
    [1.2, 2],
  ])("timerDelay(%d) = %d, never more than setTimeout holds", (given, want) => {
    expect(timerDelay(given)).toBe(want);
  });
});

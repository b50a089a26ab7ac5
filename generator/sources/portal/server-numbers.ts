/**
 * Numbers a server sends (rate-limit headers, Retry-After) are untrusted: a
 * count of 300000000 or a period of a day must neither allocate nor sleep in
 * proportion. These pure functions read and bound them.
 */

/** The longest delay `setTimeout` holds: a longer one fires at once, with a warning. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A whole, positive number of at most `max`, read from a header; anything else is absent. */
export function headerCount(value: string | null, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n > 0 ? Math.min(n, max) : undefined;
}

/** A delay `setTimeout` can hold: whole, not negative, at most MAX_TIMER_MS. */
export function timerDelay(ms: number): number {
  if (!Number.isFinite(ms)) return ms > 0 ? MAX_TIMER_MS : 0;
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(ms)));
}

/** Milliseconds as the seconds a person reads in a message: `3600 s`. */
export function describeWait(ms: number): string {
  if (!Number.isFinite(ms)) return "forever";
  const seconds = ms / 1000;
  return `${seconds >= 10 ? Math.round(seconds) : Number(seconds.toFixed(1))} s`;
}

/**
 * Paces the requests of one client to the API's rate limit (by default 100
 * requests per 20 seconds), over a sliding window. The limit and the period
 * are learnt from every answer's headers; the server's count adds the
 * requests it saw that this client did not send (other processes with the
 * same credentials). A 429 pauses every request for its Retry-After.
 *
 * Every number a server sends is clamped before it is used: a limit to
 * 1..MAX_LIMIT, a count to the limit, a period to MAX_PERIOD_MS. Only the send
 * times of the last `limit` requests are kept (no older one can decide a
 * wait), and the requests the server counted beyond them are one count with
 * one time, so no header can make the window grow.
 */
import type { WaitBudget } from "./waits.js";
export interface RateLimiter {
    /** Resolves when a request may be sent, and counts it; a wait beyond the budget rejects. */
    acquire(budget: WaitBudget): Promise<void>;
    observe(headers: Headers): void;
    pause(ms: number): void;
}
export declare function rateLimiter(limit: number, periodMs: number, names: {
    limit: string;
    period: string;
    count: string;
}): RateLimiter;

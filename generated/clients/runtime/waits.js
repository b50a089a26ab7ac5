// Copied by `npm run generate` from templates/runtime/waits.ts. Do not edit.
/**
 * What a call may spend waiting (the rate limit's window, a Retry-After, the
 * backoff between retries). A server names its waits, and a hostile or broken
 * one names hours: no single wait may pass `MAX_WAIT_MS` nor the call's
 * `timeoutMs`, and the waits of one call together may not pass its
 * `maxWaitMs`. A wait beyond a bound fails at once, naming the wait asked for,
 * instead of blocking the caller.
 */
import { sleep } from "./sleep.js";
/** The longest single wait the client accepts from a server (a Retry-After, a rate-limit period). */
export const MAX_WAIT_MS = 120_000;
export function waitBudget(limits, signal, refuse) {
    const single = Math.min(MAX_WAIT_MS, limits.singleMs);
    let left = limits.totalMs;
    return {
        signal,
        async wait(ms, reason) {
            if (!(ms > 0))
                return;
            if (ms > single)
                throw refuse(`${reason} asked for a wait of ${seconds(ms)}, longer than the ${seconds(single)} a wait may last`);
            if (ms > left)
                throw refuse(`${reason} asked for a wait of ${seconds(ms)}, more than the ${seconds(left)} left of this call's waits`);
            left -= ms;
            await sleep(ms, signal);
        },
    };
}
const seconds = (ms) => `${Number.isFinite(ms) ? Math.round(ms / 100) / 10 : "unbounded"} s`;

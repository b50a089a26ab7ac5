// Copied by `npm run generate` from templates/runtime/rate-limiter.ts. Do not edit.
/**
 * Paces the requests of one client to the API's rate limit (by default 100
 * requests per 20 seconds), over a sliding window of send times. The limit and
 * the period are learnt from every answer's headers; the server's count adds
 * the requests it saw that this client did not send (other processes with the
 * same credentials). A 429 pauses every request for its Retry-After.
 */
import { sleep } from "./sleep.js";
export function rateLimiter(limit, periodMs, names) {
    const sent = [];
    let pausedUntil = 0;
    const forget = (now) => {
        while (sent.length > 0 && sent[0] <= now - periodMs)
            sent.shift();
    };
    return {
        async acquire(signal) {
            for (;;) {
                const now = Date.now();
                forget(now);
                const wait = Math.max(pausedUntil - now, sent.length >= limit ? sent[0] + periodMs - now : 0);
                if (wait <= 0) {
                    sent.push(now);
                    return;
                }
                await sleep(wait, signal);
            }
        },
        observe(headers) {
            const newLimit = Number(headers.get(names.limit));
            const newPeriod = Number(headers.get(names.period));
            if (newLimit > 0)
                limit = newLimit;
            if (newPeriod > 0)
                periodMs = newPeriod * 1000;
            const now = Date.now();
            forget(now);
            for (let unseen = Number(headers.get(names.count)) - sent.length; unseen > 0; unseen--)
                sent.push(now);
        },
        pause(ms) {
            pausedUntil = Math.max(pausedUntil, Date.now() + ms);
        },
    };
}

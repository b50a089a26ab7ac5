const MAX_LIMIT = 10_000;
const MAX_PERIOD_MS = 24 * 60 * 60 * 1000;
/** A positive finite number from a header, or undefined. */
const positive = (value) => {
    const number = value === null ? NaN : Number(value);
    return Number.isFinite(number) && number > 0 ? number : undefined;
};
export function rateLimiter(limit, periodMs, names) {
    /** Send times of this client's latest requests, oldest first, at most `limit` of them. */
    let sent = [];
    /** Requests the server counted that this client did not send, as of `othersAt`. */
    let others = 0;
    let othersAt = 0;
    let pausedUntil = 0;
    const forget = (now) => {
        let first = 0;
        while (first < sent.length && sent[first] <= now - periodMs)
            first++;
        if (first > 0 || sent.length > limit)
            sent = sent.slice(Math.max(first, sent.length - limit));
        if (others > 0 && othersAt <= now - periodMs)
            others = 0;
    };
    /** How long until one more request fits in the window: its oldest entries leave first. */
    const windowWait = (now) => {
        let excess = sent.length + others - limit + 1;
        let own = 0;
        let othersLeft = others;
        while (excess > 0) {
            const ownTime = own < sent.length ? sent[own] : Infinity;
            if (othersLeft > 0 && othersAt <= ownTime) {
                excess -= othersLeft;
                othersLeft = 0;
                if (excess <= 0)
                    return othersAt + periodMs - now;
            }
            else {
                own += 1;
                excess -= 1;
                if (excess <= 0)
                    return ownTime + periodMs - now;
            }
        }
        return 0;
    };
    return {
        async acquire(budget) {
            for (;;) {
                const now = Date.now();
                forget(now);
                const wait = Math.max(pausedUntil - now, windowWait(now));
                if (wait <= 0) {
                    sent.push(now);
                    return;
                }
                await budget.wait(wait, pausedUntil > now ? "a 429's Retry-After" : "the rate limit");
            }
        },
        observe(headers) {
            const newLimit = positive(headers.get(names.limit));
            const newPeriod = positive(headers.get(names.period));
            if (newLimit !== undefined)
                limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(newLimit)));
            if (newPeriod !== undefined)
                periodMs = Math.min(MAX_PERIOD_MS, newPeriod * 1000);
            const now = Date.now();
            forget(now);
            const count = positive(headers.get(names.count));
            if (count === undefined)
                return;
            const unseen = Math.min(limit, Math.floor(count)) - sent.length;
            if (unseen > others) {
                others = unseen;
                othersAt = now;
            }
        },
        pause(ms) {
            pausedUntil = Math.max(pausedUntil, Date.now() + Math.min(ms, MAX_PERIOD_MS));
        },
    };
}

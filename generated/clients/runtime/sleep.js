// Copied by `npm run generate` from templates/runtime/sleep.ts. Do not edit.
/**
 * The longest delay `setTimeout` holds: a longer one fires at once (and Node
 * warns), so every wait is cut to this before it reaches a timer.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** A wait that ends early, rejecting with the signal's reason, when the signal aborts. */
export function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const abort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", abort);
            resolve();
        }, Math.min(Math.max(0, ms), MAX_TIMER_MS));
        signal?.addEventListener("abort", abort, { once: true });
    });
}

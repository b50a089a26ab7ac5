import { MAX_TIMER_MS } from "./sleep.js";
/** Throws a RangeError (a number) or TypeError (a URL) naming the first option the client cannot work with. */
export function checkOptions(options) {
    const rate = options.rateLimit || {};
    // Each number option: its value, the least and the most it takes, and whether it must be whole.
    const numbers = [
        ["timeoutMs", options.timeoutMs, 1, MAX_TIMER_MS, true],
        ["maxWaitMs", options.maxWaitMs, 0, Infinity, false],
        ["maxResponseBytes", options.maxResponseBytes, 1, Infinity, true],
        ["retries", options.retries, 0, Infinity, true],
        ["retryDelayMs", options.retryDelayMs, 0, MAX_TIMER_MS, false],
        ["maxRetryDelayMs", options.maxRetryDelayMs, 0, MAX_TIMER_MS, false],
        ["rateLimit.limit", rate.limit, 1, Infinity, true],
        ["rateLimit.periodSeconds", rate.periodSeconds, 0.001, Infinity, false],
    ];
    for (const [name, value, least, most, whole] of numbers) {
        if (value !== undefined &&
            !(typeof value === "number" && value >= least && value <= most && (!whole || value % 1 === 0)))
            throw new RangeError(`client option ${name} takes a ${whole ? "whole " : ""}number from ${least}${most < Infinity ? ` to ${most}` : " up"}, not ${typeof value === "string" ? JSON.stringify(value) : value}`);
    }
    for (const name of ["baseUrl", "tokenUrl", "uploadUrl"]) {
        const value = options[name];
        if (value !== undefined && !isHttpUrl(value))
            throw new TypeError(`client option ${name} takes an http or https URL, not ${JSON.stringify(value)}`);
    }
}
function isHttpUrl(text) {
    try {
        return /^https?:$/.test(new URL(text).protocol);
    }
    catch {
        return false;
    }
}

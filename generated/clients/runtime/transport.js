// Copied by `npm run generate` from templates/runtime/transport.ts. Do not edit.
/**
 * Every request of a client goes through here: the base URL, the headers
 * (Authorization only to the API's own origin and the upload endpoint's), the
 * rate limiter, timeouts and abort signals, and the retries. A 429 waits its
 * Retry-After; a 408, a 5xx, a network error or a timeout is retried with a
 * jittered, doubling delay, but only for GET and DELETE: a POST or PATCH that
 * was sent may have taken effect, so it is retried only when configured to be.
 */
import { authorizer } from "./auth.js";
import { answerError, PcoError } from "./errors.js";
import { rateLimiter } from "./rate-limiter.js";
import { sleep } from "./sleep.js";
export function createTransport(api, options) {
    const base = new URL(options.baseUrl ?? api.baseUrl);
    const origin = base.origin;
    const prefix = origin + withoutTrailingSlashes(base.pathname);
    const uploadUrl = options.uploadUrl ?? api.uploadUrl;
    const trusted = new Set([origin, new URL(uploadUrl).origin]);
    const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    const auth = options.auth && authorizer(options.auth, options.tokenUrl ?? api.tokenUrl, doFetch);
    const apiVersion = options.apiVersion === undefined ? api.apiVersion : options.apiVersion;
    const names = api.rateLimit.headers;
    const limiter = options.rateLimit === false
        ? undefined
        : rateLimiter(options.rateLimit?.limit ?? api.rateLimit.limit, (options.rateLimit?.periodSeconds ?? api.rateLimit.periodSeconds) * 1000, names);
    const retries = options.retries ?? 3;
    const retryDelay = options.retryDelayMs ?? 500;
    const maxRetryDelay = options.maxRetryDelayMs ?? 10_000;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const backoff = (attempt) => {
        const ceiling = Math.min(maxRetryDelay, retryDelay * 2 ** attempt);
        return ceiling / 2 + (Math.random() * ceiling) / 2;
    };
    async function send(method, url, call = {}) {
        const target = new URL(url);
        const path = target.pathname;
        const mayRetry = method === "GET" || method === "DELETE" || options.retryNonIdempotent === true;
        const body = call.form ?? (call.json === undefined ? null : JSON.stringify(call.json));
        let refreshed = false;
        for (let attempt = 0;; attempt++) {
            await limiter?.acquire(call.signal);
            // The client's own headers replace a user's of the same name, whatever its case.
            const headers = new Headers(options.headers);
            headers.set("accept", "application/json");
            if (call.json !== undefined)
                headers.set("content-type", "application/json");
            if (apiVersion)
                headers.set("x-pco-api-version", apiVersion);
            const authorization = auth && trusted.has(target.origin) ? auth.header() : undefined;
            if (authorization)
                headers.set("authorization", authorization);
            const timeout = AbortSignal.timeout(call.timeoutMs ?? timeoutMs);
            let response;
            let text;
            try {
                response = await doFetch(url, {
                    method,
                    headers,
                    body,
                    signal: call.signal ? AbortSignal.any([call.signal, timeout]) : timeout,
                });
                text = await response.text();
            }
            catch (error) {
                if (call.signal?.aborted)
                    throw call.signal.reason;
                if (mayRetry && attempt < retries) {
                    await sleep(backoff(attempt), call.signal);
                    continue;
                }
                const reason = timeout.aborted
                    ? `no answer within ${call.timeoutMs ?? timeoutMs} ms`
                    : "no answer (network error)";
                throw new PcoError(reason, { status: 0, method, path, cause: error });
            }
            const status = response.status;
            limiter?.observe(response.headers);
            if (status === 429 && attempt < retries) {
                const wait = retryAfterMs(response.headers.get(names.retryAfter));
                if (limiter)
                    limiter.pause(wait);
                else
                    await sleep(wait, call.signal);
                continue;
            }
            if (status === 401 && authorization && !refreshed) {
                refreshed = true;
                if (await auth.refresh(authorization)) {
                    attempt--;
                    continue;
                }
            }
            if ((status >= 500 || status === 408) && mayRetry && attempt < retries) {
                await sleep(backoff(attempt), call.signal);
                continue;
            }
            let parsed = null;
            try {
                if (text !== "")
                    parsed = JSON.parse(text);
            }
            catch (error) {
                if (response.ok)
                    throw new PcoError(`answered ${status} with a body that is not JSON`, {
                        status,
                        method,
                        path,
                        cause: error,
                    });
            }
            if (!response.ok)
                throw answerError(status, parsed, method, path);
            return parsed;
        }
    }
    return {
        url: (path, query) => {
            const search = query?.toString();
            return prefix + path + (search ? `?${search}` : "");
        },
        follow(link, method, from) {
            const url = new URL(link, origin);
            if (url.origin !== origin) {
                throw new PcoError(`refusing to follow a link to another origin (${url.origin})`, {
                    status: 0,
                    method,
                    path: from,
                });
            }
            return url.href;
        },
        send,
        uploadUrl,
    };
}
/** Retry-After in seconds (fractions allowed) or as an HTTP date; one second when absent. */
function retryAfterMs(value) {
    if (value === null || value.trim() === "")
        return 1000;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}
/** `/people/v2///` → `/people/v2`, in linear time (a `/\/+$/` retries from every slash of a run). */
function withoutTrailingSlashes(path) {
    let end = path.length;
    while (end > 0 && path[end - 1] === "/")
        end -= 1;
    return path.slice(0, end);
}

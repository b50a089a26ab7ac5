// Copied by `npm run generate` from templates/runtime/transport.ts. Do not edit.
/**
 * Every request of a client goes through here: the base URL, the headers
 * (Authorization only to the API's own origin and the upload endpoint's), the
 * rate limiter, timeouts and abort signals, and the retries. A 429 waits its
 * Retry-After; a 408, a 5xx, a network error or a timeout is retried with a
 * jittered, doubling delay, but only for GET and DELETE: a POST or PATCH that
 * was sent may have taken effect, so it is retried only when configured to be.
 *
 * What a server says is bounded before it is believed: every wait goes
 * through the call's wait budget (waits.ts), a body is read up to
 * `maxResponseBytes`, redirects are followed by hand and only on the same
 * origin (no header or body ever goes to another one), and every message is
 * redacted of the credentials.
 */
import { authorizer } from "./auth.js";
import { BodyTooLarge, readText } from "./body.js";
import { checkOptions } from "./check-options.js";
import { answerError, PcoError } from "./errors.js";
import type { ApiDefaults, ClientOptions } from "./options.js";
import { rateLimiter } from "./rate-limiter.js";
import { redactor, SECRET_HEADER } from "./redact.js";
import type { CallOptions } from "./types.js";
import { MAX_WAIT_MS, waitBudget, type WaitBudget } from "./waits.js";

export interface SendOptions extends CallOptions {
  json?: unknown;
  form?: FormData;
}

export interface Transport {
  /** The URL of an API path (a path the generated code built, never one from an answer). */
  url(path: string, query?: URLSearchParams): string;
  /**
   * The URL of a link an answer gave, resolved against the page it came from,
   * without its fragment; refused unless it is on the API's origin.
   */
  follow(link: string, method: string, from: string): string;
  /** Sends a request; resolves with the parsed JSON answer (null when empty). */
  send(method: string, url: string, options?: SendOptions): Promise<unknown>;
  /** A PcoError for a call, its message redacted. */
  fail(message: string, method: string, path: string): PcoError;
  uploadUrl: string;
}

/** The SDK's own User-Agent, unless the caller names another. */
export const USER_AGENT = "pco-codegen-client";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export function createTransport(api: ApiDefaults, options: ClientOptions): Transport {
  checkOptions(options);
  const base = new URL(options.baseUrl ?? api.baseUrl);
  const origin = base.origin;
  const prefix = origin + withoutTrailingSlashes(base.pathname);
  const uploadUrl = options.uploadUrl ?? api.uploadUrl;
  const trusted = new Set([origin, new URL(uploadUrl).origin]);
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const auth = options.auth && authorizer(options.auth, options.tokenUrl ?? api.tokenUrl, doFetch);
  const headerSecrets = Object.entries(options.headers ?? {})
    .filter(([name]) => SECRET_HEADER.test(name))
    .map(([, value]) => value);
  const redact = redactor(() => [...(auth?.secrets() ?? []), ...headerSecrets]);
  const apiVersion = options.apiVersion === undefined ? api.apiVersion : options.apiVersion;
  const userAgent = options.userAgent === undefined ? USER_AGENT : options.userAgent;
  const names = api.rateLimit.headers;
  const limiter =
    options.rateLimit === false
      ? undefined
      : rateLimiter(
          options.rateLimit?.limit ?? api.rateLimit.limit,
          (options.rateLimit?.periodSeconds ?? api.rateLimit.periodSeconds) * 1000,
          names,
        );
  const retries = options.retries ?? 3;
  const retryDelay = options.retryDelayMs ?? 500;
  const maxRetryDelay = options.maxRetryDelayMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  const fail = (message: string, method: string, path: string, status = 0, cause?: unknown) =>
    new PcoError(redact(message), { status, method, path, cause });

  const backoff = (attempt: number) => {
    const ceiling = Math.min(maxRetryDelay, retryDelay * 2 ** attempt);
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  };

  function headersFor(target: URL, json: boolean): { headers: Headers; authorization?: string } {
    // The client's own headers replace a user's of the same name, whatever its case.
    const headers = new Headers(options.headers);
    headers.set("accept", "application/json");
    if (json) headers.set("content-type", "application/json");
    if (apiVersion) headers.set("x-pco-api-version", apiVersion);
    if (userAgent) headers.set("user-agent", userAgent);
    const authorization = auth && trusted.has(target.origin) ? auth.header() : undefined;
    if (authorization) headers.set("authorization", authorization);
    return authorization ? { headers, authorization } : { headers };
  }

  /**
   * One attempt: the request, and the redirects of its origin followed by
   * hand. A 303 (or a 301/302 to a POST) continues as a GET without the body,
   * as browsers do; a 307/308 repeats the method and body.
   */
  async function exchange(method: string, url: string, call: SendOptions, signal: AbortSignal) {
    const path = new URL(url).pathname;
    let current = new URL(url);
    let currentMethod = method;
    let body: BodyInit | null =
      call.form ?? (call.json === undefined ? null : JSON.stringify(call.json));
    for (let hops = 0; ; hops++) {
      const { headers, authorization } = headersFor(
        current,
        body !== null && call.form === undefined,
      );
      const response = await doFetch(current.href, {
        method: currentMethod,
        headers,
        body,
        signal,
        redirect: "manual",
      });
      if (response.type === "opaqueredirect")
        throw fail("answered with a redirect this runtime cannot inspect; refused", method, path);
      if (!REDIRECTS.has(response.status)) {
        const text = await readText(response, maxResponseBytes);
        return { response, text, authorization };
      }
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get("location");
      if (location === null)
        throw fail(`answered ${response.status} without a Location`, method, path, response.status);
      const next = new URL(location, current);
      next.hash = "";
      if (next.origin !== current.origin)
        throw fail(
          `refusing to follow a redirect to another origin (${next.origin})`,
          method,
          path,
          response.status,
        );
      if (hops >= MAX_REDIRECTS)
        throw fail(`more than ${MAX_REDIRECTS} redirects`, method, path, response.status);
      if (response.status === 303 || (response.status <= 302 && currentMethod === "POST")) {
        currentMethod = "GET";
        body = null;
      }
      current = next;
    }
  }

  async function send(method: string, url: string, call: SendOptions = {}): Promise<unknown> {
    const path = new URL(url).pathname;
    const mayRetry = method === "GET" || method === "DELETE" || options.retryNonIdempotent === true;
    const attemptMs = call.timeoutMs ?? timeoutMs;
    const budget: WaitBudget = waitBudget(
      { singleMs: attemptMs, totalMs: maxWaitMs },
      call.signal,
      (message) => fail(message, method, path),
    );
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      await limiter?.acquire(budget);
      const timeout = AbortSignal.timeout(attemptMs);
      let answer: Awaited<ReturnType<typeof exchange>>;
      try {
        answer = await exchange(
          method,
          url,
          call,
          call.signal ? AbortSignal.any([call.signal, timeout]) : timeout,
        );
      } catch (error) {
        if (error instanceof PcoError) throw error;
        if (call.signal?.aborted) throw call.signal.reason;
        if (error instanceof BodyTooLarge) throw fail(error.message, method, path);
        if (mayRetry && attempt < retries) {
          await budget.wait(backoff(attempt), "the retry backoff");
          continue;
        }
        const reason = timeout.aborted
          ? `no answer within ${attemptMs} ms`
          : "no answer (network error)";
        throw fail(reason, method, path, 0, error);
      }
      const { response, text, authorization } = answer;
      const status = response.status;
      limiter?.observe(response.headers);
      if (status === 429 && attempt < retries) {
        const wait = retryAfterMs(response.headers.get(names.retryAfter));
        // A pause within the cap holds every call of the client; a longer one fails this call alone.
        if (limiter && wait <= MAX_WAIT_MS) limiter.pause(wait);
        await budget.wait(wait, "a 429's Retry-After");
        continue;
      }
      if (status === 401 && authorization && !refreshed) {
        refreshed = true;
        if (await auth!.refresh(authorization)) {
          attempt--;
          continue;
        }
      }
      if ((status >= 500 || status === 408) && mayRetry && attempt < retries) {
        await budget.wait(backoff(attempt), "the retry backoff");
        continue;
      }
      let parsed: unknown = null;
      try {
        if (text !== "") parsed = JSON.parse(text);
      } catch (error) {
        if (response.ok)
          throw fail(
            `answered ${status} with a body that is not JSON`,
            method,
            path,
            status,
            error,
          );
      }
      if (!response.ok) throw answerError(status, parsed, method, path, redact);
      return parsed;
    }
  }

  return {
    url: (path, query) => {
      const search = query?.toString();
      return prefix + path + (search ? `?${search}` : "");
    },
    follow(link, method, from) {
      let url: URL;
      try {
        url = new URL(link, from);
      } catch {
        throw fail("links.next is not a URL", method, new URL(from).pathname);
      }
      url.hash = "";
      if (url.origin !== origin)
        throw fail(
          `refusing to follow a link to another origin (${url.origin})`,
          method,
          new URL(from).pathname,
        );
      return url.href;
    },
    send,
    fail,
    uploadUrl,
  };
}

/** Retry-After in seconds (fractions allowed) or as an HTTP date; one second when absent or unreadable. */
function retryAfterMs(value: string | null): number {
  if (value === null || value.trim() === "") return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  if (/^\s*\+?\d+(\.\d+)?\s*$/.test(value)) return Infinity;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

/** `/people/v2///` → `/people/v2`, in linear time (a `/\/+$/` retries from every slash of a run). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end -= 1;
  return path.slice(0, end);
}

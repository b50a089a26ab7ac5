/**
 * The HTTP flags of `scrape`, `diff` and `drift`, checked before any request.
 * yargs reads a number it cannot parse as NaN, and NaN retries never run out
 * (`failures > NaN` is never true): `--retries abc` retried a dead host
 * forever, and `--timeout abc` failed deep in Node with a timer's message.
 */
import type { HttpStoreOptions } from "../sources/portal/http-store.js";
import { numberIn, wholeNumberIn } from "./flag-numbers.js";

/** With the backoff capped at 10 s, ten retries wait at most about a minute and a half for one document. */
export const MAX_RETRIES = 10;
/** Ten minutes: the docs' largest document is about 2 MB. */
export const MAX_TIMEOUT_SECONDS = 600;

export interface HttpFlags {
  cacheDir?: string;
  cache: boolean;
  retries: number;
  timeout: number;
}

export function httpOptionsOf(args: HttpFlags): HttpStoreOptions {
  const retries = wholeNumberIn("retries", args.retries, 0, MAX_RETRIES);
  const timeout = numberIn("timeout", "seconds", args.timeout, MAX_TIMEOUT_SECONDS);
  return { cacheDir: args.cache ? args.cacheDir : false, maxRetries: retries, timeoutMs: timeout * 1000 };
}

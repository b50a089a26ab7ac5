/**
 * The HTTP flags of `scrape`, `diff` and `drift`, checked before any request.
 * yargs reads a number it cannot parse as NaN, and NaN retries never run out
 * (`failures > NaN` is never true): `--retries abc` retried a dead host
 * forever, and `--timeout abc` failed deep in Node with a timer's message.
 */
import type { Argv } from "yargs";
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

/** The flags, as `scrape`, `diff` and `drift` declare them: one wording and one default for all three. */
export const httpFlagOptions = <T>(yargs: Argv<T>) =>
  yargs
    .option("cache-dir", { type: "string", describe: "HTTP cache folder (default ~/.cache/pco-codegen/http)" })
    .option("cache", { type: "boolean", default: true, describe: "Use the HTTP cache (--no-cache to fetch everything)" })
    .option("retries", { type: "number", default: 4, describe: "HTTP: retries of a failed request (network error, timeout, 5xx)" })
    .option("timeout", { type: "number", default: 30, describe: "HTTP: seconds before a request is abandoned" });

export function httpOptionsOf(args: HttpFlags): HttpStoreOptions {
  const retries = wholeNumberIn("retries", args.retries, 0, MAX_RETRIES);
  const timeout = numberIn("timeout", "seconds", args.timeout, MAX_TIMEOUT_SECONDS);
  return { cacheDir: args.cache ? args.cacheDir : false, maxRetries: retries, timeoutMs: timeout * 1000 };
}

/**
 * A client's options, checked when it is made. An option out of range would
 * otherwise fail every call later with a message about something else (a
 * timer's RangeError, "Invalid URL"), or quietly lift a limit: a
 * `maxResponseBytes` of NaN caps nothing.
 */
import type { ClientOptions } from "./options.js";
/** Throws a RangeError (a number) or TypeError (a URL) naming the first option the client cannot work with. */
export declare function checkOptions(options: ClientOptions): void;

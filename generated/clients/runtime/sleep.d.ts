/**
 * The longest delay `setTimeout` holds: a longer one fires at once (and Node
 * warns), so every wait is cut to this before it reaches a timer.
 */
export declare const MAX_TIMER_MS: number;
/** A wait that ends early, rejecting with the signal's reason, when the signal aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;

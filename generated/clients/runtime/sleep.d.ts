/** A wait that ends early, rejecting with the signal's reason, when the signal aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;

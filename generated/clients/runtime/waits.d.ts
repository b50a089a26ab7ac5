/** The longest single wait the client accepts from a server (a Retry-After, a rate-limit period). */
export declare const MAX_WAIT_MS = 120000;
export interface WaitBudget {
    /** Waits `ms`, or rejects at once with `refuse(message)` when the wait is beyond a bound. */
    wait(ms: number, reason: string): Promise<void>;
    signal: AbortSignal | undefined;
}
export declare function waitBudget(limits: {
    singleMs: number;
    totalMs: number;
}, signal: AbortSignal | undefined, refuse: (message: string) => Error): WaitBudget;

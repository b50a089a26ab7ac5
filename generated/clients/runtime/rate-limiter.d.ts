export interface RateLimiter {
    /** Resolves when a request may be sent, and counts it. */
    acquire(signal?: AbortSignal): Promise<void>;
    observe(headers: Headers): void;
    pause(ms: number): void;
}
export declare function rateLimiter(limit: number, periodMs: number, names: {
    limit: string;
    period: string;
    count: string;
}): RateLimiter;

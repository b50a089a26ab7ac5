/** How a client is configured, and the defaults each generated client takes from its spec. */
/** A personal access token: the application id and secret, sent with HTTP Basic. */
export interface PersonalAccessToken {
    appId: string;
    secret: string;
}
/**
 * An OAuth 2 access token. With a refresh token and the application's
 * credentials, a 401 answer refreshes it once (one refresh shared by every
 * call in flight) and the call is sent again.
 */
export interface OAuthToken {
    accessToken: string;
    refreshToken?: string;
    clientId?: string;
    clientSecret?: string;
    /** Called with the new tokens after a refresh, to store them. */
    onTokenRefresh?: (tokens: RefreshedTokens) => void | Promise<void>;
}
export interface RefreshedTokens {
    accessToken: string;
    refreshToken: string;
    /** Seconds until the access token expires. */
    expiresIn?: number;
}
export interface ClientOptions {
    auth?: PersonalAccessToken | OAuthToken;
    /** Scheme and host of the API (a path prefix is allowed); the spec's by default. */
    baseUrl?: string;
    /** The `X-PCO-API-Version` header; the spec's version by default, `null` to send none. */
    apiVersion?: string | null;
    /** The fetch to use; the global one by default. */
    fetch?: typeof fetch;
    /** Per attempt, in milliseconds (30 000 by default); also the longest single wait of a call. */
    timeoutMs?: number;
    /**
     * The most one call may spend waiting, all its waits together (rate limit,
     * Retry-After, retry backoff), in milliseconds (120 000 by default). A wait
     * that would pass it, or any single wait the server asks beyond 120 s,
     * fails the call at once.
     */
    maxWaitMs?: number;
    /** The largest answer read, in bytes after decompression (32 MiB by default). */
    maxResponseBytes?: number;
    /** The User-Agent header (`pco-codegen-client` by default); `null` to send none. */
    userAgent?: string | null;
    /** Retries of a 429, a 408, a 5xx, a network error or a timeout (3 by default). */
    retries?: number;
    /** The first retry waits about this long, doubling after (500 ms by default, jittered). */
    retryDelayMs?: number;
    /** The longest wait between retries (10 000 ms by default). */
    maxRetryDelayMs?: number;
    /** Also retry POST and PATCH after they were sent (off by default: they may have taken effect). */
    retryNonIdempotent?: boolean;
    /** The starting rate limit, until the API's headers tell; `false` to send without pacing. */
    rateLimit?: false | {
        limit?: number;
        periodSeconds?: number;
    };
    /** The OAuth token endpoint (used to refresh). */
    tokenUrl?: string;
    /** The file upload endpoint. */
    uploadUrl?: string;
    /** Extra headers for every request. */
    headers?: {
        [name: string]: string;
    };
}
/** What the docs say about the API, written into each generated client. */
export interface ApiDefaults {
    baseUrl: string;
    apiVersion?: string;
    tokenUrl: string;
    uploadUrl: string;
    uploadField: string;
    rateLimit: {
        limit: number;
        periodSeconds: number;
        headers: {
            limit: string;
            period: string;
            count: string;
            retryAfter: string;
        };
    };
}

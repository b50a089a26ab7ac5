/** The tokens the endpoint answers with, as the caller's callback receives them. */
export interface TokenSet {
    accessToken: string;
    refreshToken: string;
    /** Seconds until the access token expires. */
    expiresIn?: number;
    scope?: string;
}
export declare function requestTokens(tokenUrl: string, form: {
    [name: string]: string;
}, doFetch: typeof fetch, 
/** The message before the reason: "the OAuth token could not be refreshed". */
what: string): Promise<TokenSet>;

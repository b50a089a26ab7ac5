/**
 * A POST to the OAuth token endpoint (a code exchange or a refresh), shared by
 * both flows. The answer is read with a small cap and no redirect is
 * followed: a form holding the client secret goes to the token URL and
 * nowhere else. A failure shows only the OAuth error code, since the rest of
 * the answer may echo what was sent.
 *
 * A client loads this module only when it first refreshes, so it imports no
 * code of the runtime: the caller lends the capped reader and the error type
 * (a bundler would otherwise move those into a chunk of their own, loaded at
 * start all the same).
 */
import type { readText } from "./body.js";
import type { PcoError } from "./errors.js";
/** What the caller lends: the runtime's capped reader and its error type. */
export interface TokenTools {
    readText: typeof readText;
    PcoError: typeof PcoError;
}
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
what: string, tools: TokenTools): Promise<TokenSet>;

import { type TokenSet } from "./token.js";
export type { TokenSet } from "./token.js";
/** The docs' URLs. */
export declare const AUTHORIZE_URL = "https://api.planningcenteronline.com/oauth/authorize";
export declare const TOKEN_URL = "https://api.planningcenteronline.com/oauth/token";
export interface AuthorizeRequest {
    clientId: string;
    /** Where PCO sends the browser back; it must be registered with the application. */
    redirectUri: string;
    /** The apps asked for: each PCO app is a scope (`people`, `services`, ...). */
    scope: string | readonly string[];
    /** Generated (32 random bytes) when not given; keep it, to check the redirect back. */
    state?: string;
    authorizeUrl?: string;
}
/** The URL to send the user's browser to, and the `state` it carries. */
export declare function authorizeUrl(request: AuthorizeRequest): {
    url: string;
    state: string;
};
/**
 * The `code` of the redirect back, once its `state` is the one sent. An
 * `error` parameter (the user declined, say) or a wrong state is a PcoError.
 */
export declare function codeFromRedirect(redirect: string | URL, expectedState: string): string;
export interface CodeExchange {
    code: string;
    clientId: string;
    clientSecret: string;
    /** The same redirect URI the authorize URL named. */
    redirectUri: string;
    /** Receives the tokens, to store them (encrypted, server side). */
    onTokens: (tokens: TokenSet) => void | Promise<void>;
    tokenUrl?: string;
    fetch?: typeof fetch;
}
/** Exchanges the code for tokens, handed to `onTokens`. */
export declare function exchangeCode(exchange: CodeExchange): Promise<void>;

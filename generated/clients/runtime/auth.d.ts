import type { OAuthToken, PersonalAccessToken } from "./options.js";
export interface Authorizer {
    header(): string;
    /**
     * After a 401 answered to `sent` (the header that call used): refreshes the
     * token unless another call already did. False when it cannot be refreshed.
     */
    refresh(sent: string): Promise<boolean>;
    /** Every credential it holds now, for redaction from messages. */
    secrets(): string[];
}
export declare function authorizer(auth: PersonalAccessToken | OAuthToken, tokenUrl: string, doFetch: typeof fetch): Authorizer;

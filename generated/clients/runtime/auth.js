// Copied by `npm run generate` from templates/runtime/auth.ts. Do not edit.
/**
 * The Authorization header: HTTP Basic for a personal access token, Bearer for
 * an OAuth token. An OAuth token with a refresh token and the application's
 * credentials is refreshed on a 401; calls in flight share one refresh.
 */
import { isObject, PcoError } from "./errors.js";
export function authorizer(auth, tokenUrl, doFetch) {
    if ("appId" in auth) {
        const basic = `Basic ${base64(`${auth.appId}:${auth.secret}`)}`;
        return { header: () => basic, refresh: async () => false };
    }
    const oauth = auth;
    let accessToken = oauth.accessToken;
    let refreshToken = oauth.refreshToken;
    let pending;
    async function refreshNow() {
        const path = new URL(tokenUrl).pathname;
        const fail = (status, reason, cause) => new PcoError(`the OAuth token could not be refreshed (${reason})`, {
            status,
            method: "POST",
            path,
            cause,
        });
        let response;
        let body;
        try {
            response = await doFetch(tokenUrl, {
                method: "POST",
                headers: {
                    accept: "application/json",
                    "content-type": "application/x-www-form-urlencoded",
                },
                body: new URLSearchParams({
                    grant_type: "refresh_token",
                    refresh_token: refreshToken ?? "",
                    client_id: oauth.clientId ?? "",
                    client_secret: oauth.clientSecret ?? "",
                }),
            });
            const text = await response.text();
            body = text === "" ? null : JSON.parse(text);
        }
        catch (error) {
            throw fail(0, "no usable answer", error);
        }
        const token = isObject(body) ? body : {};
        if (!response.ok || typeof token.access_token !== "string") {
            // Only the OAuth error code is shown: the rest of the answer may echo what was sent.
            const code = typeof token.error === "string" && /^[\w.-]{1,64}$/.test(token.error)
                ? token.error
                : `status ${response.status}`;
            throw fail(response.status, code);
        }
        accessToken = token.access_token;
        if (typeof token.refresh_token === "string")
            refreshToken = token.refresh_token;
        await oauth.onTokenRefresh?.({
            accessToken,
            refreshToken: refreshToken ?? "",
            ...(typeof token.expires_in === "number" ? { expiresIn: token.expires_in } : {}),
        });
    }
    return {
        header: () => `Bearer ${accessToken}`,
        async refresh(sent) {
            if (!refreshToken || !oauth.clientId || !oauth.clientSecret)
                return false;
            if (sent !== `Bearer ${accessToken}`)
                return true;
            pending ??= refreshNow().finally(() => {
                pending = undefined;
            });
            await pending;
            return true;
        },
    };
}
/** Base64 of the UTF-8 bytes, with what browsers and Node both have (no Buffer). */
function base64(text) {
    let binary = "";
    for (const byte of new TextEncoder().encode(text))
        binary += String.fromCharCode(byte);
    return btoa(binary);
}

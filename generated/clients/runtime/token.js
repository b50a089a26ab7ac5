const MAX_TOKEN_ANSWER_BYTES = 64 * 1024;
const TOKEN_TIMEOUT_MS = 30_000;
export async function requestTokens(tokenUrl, form, doFetch, 
/** The message before the reason: "the OAuth token could not be refreshed". */
what, tools) {
    const path = new URL(tokenUrl).pathname;
    const fail = (status, reason, cause) => new tools.PcoError(`${what} (${reason})`, { status, method: "POST", path, cause });
    let response;
    let body;
    try {
        response = await doFetch(tokenUrl, {
            method: "POST",
            headers: {
                accept: "application/json",
                "content-type": "application/x-www-form-urlencoded",
            },
            body: new URLSearchParams(form),
            redirect: "manual",
            signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
        });
        const text = await tools.readText(response, MAX_TOKEN_ANSWER_BYTES);
        body = text === "" ? null : JSON.parse(text);
    }
    catch (error) {
        throw fail(0, "no usable answer", error);
    }
    // An array or a scalar has no access_token either, and fails below.
    const token = (typeof body === "object" && body !== null ? body : {});
    if (!response.ok || typeof token.access_token !== "string") {
        const code = typeof token.error === "string" && /^[\w.-]{1,64}$/.test(token.error)
            ? token.error
            : `status ${response.status}`;
        throw fail(response.status, code);
    }
    return {
        accessToken: token.access_token,
        refreshToken: typeof token.refresh_token === "string" ? token.refresh_token : "",
        ...(typeof token.expires_in === "number" ? { expiresIn: token.expires_in } : {}),
        ...(typeof token.scope === "string" ? { scope: token.scope } : {}),
    };
}

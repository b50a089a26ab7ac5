// Copied by `npm run generate` from templates/runtime/body.ts. Do not edit.
/**
 * Reads an answer's body as text, refusing one larger than the cap. The bytes
 * counted are those the stream yields, which `fetch` has already decompressed:
 * a small gzip that inflates past the cap is stopped while it streams, before
 * it is held in memory.
 */
export class BodyTooLarge extends Error {
    limit;
    constructor(limit) {
        super(`the answer is larger than maxResponseBytes (${limit} bytes)`);
        this.limit = limit;
    }
}
export async function readText(response, maxBytes) {
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => { });
        throw new BodyTooLarge(maxBytes);
    }
    if (response.body === null)
        return "";
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    let text = "";
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > maxBytes) {
            await reader.cancel().catch(() => { });
            throw new BodyTooLarge(maxBytes);
        }
        text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
}

/**
 * Reads an answer's body as text, refusing one larger than the cap. The bytes
 * counted are those the stream yields, which `fetch` has already decompressed:
 * a small gzip that inflates past the cap is stopped while it streams, before
 * it is held in memory.
 */
export declare class BodyTooLarge extends Error {
    readonly limit: number;
    constructor(limit: number);
}
export declare function readText(response: Response, maxBytes: number): Promise<string>;

import type { Document, Page } from "./types.js";
export declare function documentOf(body: unknown, include: readonly string[] | undefined): Document<unknown>;
/** A list answer; a single record where a list was expected becomes a list of one. */
export declare function pageOf(body: unknown, include: readonly string[] | undefined): Page<unknown>;

/**
 * Query parameters as the API reads them: `where[name]=value`,
 * `where[name][gte]=value`, `include=a,b`, `order=-created_at`, `filter=a,b`,
 * `per_page`, `offset`, `fields[Type]=a,b`.
 */
import type { CallOptions, Params } from "./types.js";
/** Any query a generated client accepts, as the runtime sees it. */
export interface AnyQuery extends CallOptions {
    where?: {
        [name: string]: unknown;
    };
    order?: string | readonly string[];
    include?: readonly string[];
    filter?: string | readonly string[];
    perPage?: number;
    offset?: number;
    fields?: {
        [type: string]: readonly string[] | undefined;
    };
    params?: Params;
    relationships?: {
        [name: string]: unknown;
    };
}
export declare function searchParams(query: AnyQuery | undefined): URLSearchParams;

/**
 * Query parameters as the API reads them: `where[name]=value`,
 * `where[name][gte]=value`, `where[group][name]=value`, `include=a,b`,
 * `order=-created_at`, `filter=a,b`, `per_page`, `offset`, `after`, `before`,
 * `fields[Type]=a,b`.
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
    after?: string;
    before?: string;
    fields?: {
        [type: string]: readonly string[] | undefined;
    };
    params?: Params;
    relationships?: {
        [name: string]: unknown;
    };
    maxPages?: number;
}
/** Why the API would refuse this query, checked before anything is sent; undefined when it would not. */
export declare function queryProblem(query: AnyQuery | undefined): string | undefined;
/**
 * A sparse fieldset of the record's own type names the relationships its
 * includes follow: the API leaves out a relationship that `fields` does not
 * name, and the include would then resolve to nothing. So each include's
 * first step is added to `fields[type]` when the caller gave that fieldset.
 */
export declare function withOwnIncludes(query: AnyQuery | undefined, type: string): AnyQuery | undefined;
export declare function searchParams(query: AnyQuery | undefined): URLSearchParams;

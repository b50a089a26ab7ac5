import type { ApiDefaults, ClientOptions } from "./options.js";
/**
 * One member of a handle, named by what it is: a collection or a single
 * record `of` a resource type, or an action (a POST that `sends` a type, when
 * the docs show one), at a path below the handle.
 */
export type Member = {
    readonly collection: string;
    readonly of: string;
} | {
    readonly record: string;
    readonly of: string;
} | {
    readonly action: string;
    readonly sends?: string;
};
/** Resource type ("" for the client) → member name → member. */
export type Routes = {
    readonly [type: string]: {
        readonly [name: string]: Member;
    };
};
export declare function connect(api: ApiDefaults, routes: Routes, options?: ClientOptions): unknown;

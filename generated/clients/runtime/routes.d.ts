/**
 * The route table a generated client is built from: for each resource type
 * (and for the client itself, under ""), one line naming the members of that
 * type's record handle. A line is read only when a handle of its type is
 * first made.
 *
 * Each member is one space-separated entry: `name:Type[]` is a collection of
 * `Type` records, `name:Type` a single record, `name()` an action (a POST)
 * and `name(Type)` an action that sends a `Type`. A member's path, appended
 * to its handle's, is the snake_case of its name (`phoneNumbers` at
 * `/phone_numbers`) unless `@/path` follows the entry. The client's line
 * starts with the path its members' paths are derived under (`/people/v2`).
 * Any other character than `[A-Za-z0-9_./~-]` is percent-encoded.
 */
/** Resource type ("" for the client) → its line. */
export type Routes = {
    readonly [type: string]: string;
};
/** One member, read from its entry: what it is, its path below the handle and the type it reaches or sends. */
export interface Member {
    readonly kind: "collection" | "record" | "action";
    readonly name: string;
    readonly path: string;
    readonly type?: string;
}
/** The members of a type's line; an own property of the table only (never a prototype's). */
export declare function membersOf(routes: Routes, type: string): Member[];

// Copied by `npm run generate` from templates/runtime/routes.ts. Do not edit.
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
const ENTRY = /^([\w.~%-]+)(?::([\w./~%-]+)(\[\])?|\(([\w./~%-]*)\))(?:@([\w./~%-]+))?$/;
/** The members of a type's line; an own property of the table only (never a prototype's). */
export function membersOf(routes, type) {
    const line = Object.hasOwn(routes, type) ? routes[type] : "";
    const entries = line.split(" ").filter((entry) => entry !== "");
    const base = entries[0]?.startsWith("/") ? decodeURIComponent(entries.shift()) : "";
    return entries.map((entry) => {
        const match = ENTRY.exec(entry);
        if (!match)
            throw new Error(`the route table's entry ${JSON.stringify(entry)} is malformed`);
        const [, name, of, many, sends, at] = match.map((part) => part && decodeURIComponent(part));
        const path = at ?? `${base}/${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
        const kind = of === undefined ? "action" : many ? "collection" : "record";
        const type = of ?? (sends || undefined);
        return { kind, name: name, path, ...(type === undefined ? {} : { type }) };
    });
}

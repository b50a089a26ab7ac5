/**
 * One line of a client's route table: a resource type's members as the
 * runtime's `routes.ts` reads them. Most members' paths are the snake_case of
 * their names (`phoneNumbers` at `/phone_numbers`), so a path is written only
 * where it differs from the one the runtime derives; the client's own line
 * starts with the path its members' paths are derived under (`/people/v2`).
 *
 * `name:Type[]` is a collection, `name:Type` a single record, `name()` an
 * action and `name(Type)` an action that sends a `Type`; `@/path` after any of
 * them gives its path. Characters outside `[A-Za-z0-9_./~-]` are
 * percent-encoded, so no name, type or path from the docs can be read as a
 * separator.
 */
import { compareText } from "../../util/order.js";
import type { RouteMemberView, RouteView } from "./view.js";
import { propertyKey, stringLiteral } from "./ts-text.js";

/** `phoneNumbers` → `<base>/phone_numbers`: the runtime's rule, written the same way. */
export const derivedPath = (base: string, name: string): string => `${base}/${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/** Percent-encodes every UTF-8 byte of a character outside the line's plain set. */
export function routeText(text: string): string {
  return text.replace(/[^\w./~-]/gu, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
}

const pathOf = (member: RouteMemberView): string => member.collection ?? member.record ?? member.action ?? "";

/** Where a line's derived paths start: the parent folder most of its members share (none below the client). */
export function lineBase(route: RouteView): string {
  if (route.type !== "") return "";
  const counts = new Map<string, number>();
  for (const member of route.members) {
    const path = pathOf(member);
    const folder = path.slice(0, Math.max(0, path.lastIndexOf("/")));
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const best = ranked[0]?.[0] ?? "";
  // The base is told apart from a member by its leading slash.
  return best.startsWith("/") ? best : "";
}

function entry(member: RouteMemberView, base: string): string {
  const name = routeText(member.name);
  const shape =
    member.action !== undefined
      ? `(${member.sends === undefined ? "" : routeText(member.sends)})`
      : `:${routeText(member.of ?? "")}${member.collection !== undefined ? "[]" : ""}`;
  const path = pathOf(member);
  return `${name}${shape}${path === derivedPath(base, member.name) ? "" : `@${routeText(path)}`}`;
}

/** The whole line: its base (if any), then each member's entry, one space apart. */
export function routeLine(route: RouteView): string {
  const base = lineBase(route);
  return [...(base === "" ? [] : [routeText(base)]), ...route.members.map((m) => entry(m, base))].join(" ");
}

/** A route table's key for a resource type: `__proto__` computed, as a plain key would set the object's prototype. */
export function routeKey(type: string): string {
  return type === "__proto__" ? `[${stringLiteral(type)}]` : propertyKey(type);
}

/** The route table's doc comment, in `index.ts` (the `route-table` partial) and kept by the compiler in `index.js`. */
export const ROUTES_DOC = [
  'Per resource type ("" is the client), one line of its handles\' members:',
  "`name:Type[]` a collection, `name:Type` a record, `name()` or `name(Type)` an",
  "action, each at the snake_case of its name unless `@/path` says otherwise",
  "(see the runtime's routes.ts).",
];

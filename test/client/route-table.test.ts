/**
 * The route table's compact lines: what the generator writes for each type is
 * what the runtime reads back, for every committed app and for names built to
 * break the line's syntax; the runtime reads only the table's own entries.
 */
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { routeLine, routeText } from "../../generator/render/client/route-line.js";
import { buildClientView } from "../../generator/render/client/view-model.js";
import type { RouteMemberView, RouteView } from "../../generator/render/client/view.js";
import { latestPerApp, loadSpecs } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { membersOf, type Member } from "../../templates/runtime/routes.js";
import { REPO_ROOT } from "../helpers/corpus.js";

let committed: Spec[];
beforeAll(async () => {
  committed = latestPerApp((await loadSpecs(path.join(REPO_ROOT, "spec"))).value);
});

/** A member of the view as the runtime describes it. */
function expected(member: RouteMemberView): Member {
  if (member.collection !== undefined) return { kind: "collection", name: member.name, path: member.collection, type: member.of! };
  if (member.record !== undefined) return { kind: "record", name: member.name, path: member.record, type: member.of! };
  return { kind: "action", name: member.name, path: member.action!, ...(member.sends === undefined ? {} : { type: member.sends }) };
}

const roundTrip = (route: RouteView) => membersOf({ [route.type]: routeLine(route) }, route.type);

describe("every committed app", () => {
  test("each type's line reads back as the members the client was built with", () => {
    let members = 0;
    for (const spec of committed) {
      for (const route of buildClientView(spec).value.routes) {
        expect(roundTrip(route), `${spec.app} ${route.type}`).toEqual(route.members.map(expected));
        members += route.members.length;
      }
    }
    expect(members).toBeGreaterThan(500);
  });

  test("People: paths derived from names, written only where the docs differ", () => {
    const view = buildClientView(committed.find((s) => s.app === "people")!).value;
    const root = view.routes.find((r) => r.type === "")!;
    const line = routeLine(root);
    expect(line.startsWith("/people/v2 ")).toBe(true);
    // `GET /people/v2/phone_numbers` is documented; the line need not say its path.
    expect(line.split(" ")).toContain("phoneNumbers:PhoneNumber[]");
    const person = view.routes.find((r) => r.type === "Person")!;
    expect(roundTrip(person).find((m) => m.name === "phoneNumbers")).toEqual({
      kind: "collection",
      name: "phoneNumbers",
      path: "/phone_numbers",
      type: "PhoneNumber",
    });
    // The organization is the app's own root path, not `/people/v2/organization`.
    expect(line.split(" ")).toContain("organization:Organization@/people/v2");
  });
});

describe("hostile names", () => {
  const odd: RouteView = {
    type: "odd type",
    members: [
      { name: "spaced", collection: "/a b/c", of: "Two Words" },
      { name: "marks", record: "/x@y(z)[w]:v%25", of: "T@(1)[]:%" },
      { name: "accents", record: "/caf\u00e9/\u{1f600}", of: "Caf\u00e9" },
      { name: "send", action: "/send", sends: "Run*/ )" },
      { name: "bare", action: "/bare" },
    ],
  };

  test("separators and percent signs in types and paths are encoded, and read back exactly", () => {
    const line = routeLine(odd);
    expect(line).toMatch(/^[\w./~%\-:[\]() @]+$/);
    expect(line.split(" ")).toHaveLength(5);
    expect(roundTrip(odd)).toEqual(odd.members.map(expected));
  });

  test("the encoding is percent-encoding of UTF-8 bytes outside [A-Za-z0-9_./~-]", () => {
    expect(routeText("a b")).toBe("a%20b");
    expect(routeText("%")).toBe("%25");
    expect(routeText("\u00e9")).toBe("%C3%A9");
    expect(routeText("/check-ins/x_y.z~")).toBe("/check-ins/x_y.z~");
  });

  test("only the table's own lines are read: a type named like a prototype member has no members", () => {
    const routes = JSON.parse('{"__proto__": "then:Promise", "Person": "emails:Email[]"}') as { [type: string]: string };
    expect(membersOf(routes, "__proto__")).toEqual([{ kind: "record", name: "then", path: "/then", type: "Promise" }]);
    for (const name of ["constructor", "toString", "hasOwnProperty", "valueOf"]) expect(membersOf({}, name)).toEqual([]);
  });

  test("an entry the table's syntax does not allow is refused by name", () => {
    expect(() => membersOf({ T: "emails:Email[] entry(" }, "T")).toThrow('the route table\'s entry "entry(" is malformed');
    expect(() => membersOf({ T: "x:A/../b@" }, "T")).toThrow("malformed");
  });
});

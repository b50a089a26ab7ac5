/** The data of a resource: its attributes and relationships. */
import type { Attribute, Relationship } from "../spec/types.js";
import type { ChangeClass } from "./change.js";
import { always, compareNamed, proseChange, statedChange, valueChange } from "./keyed.js";

export function compareAttributes(before: readonly Attribute[], after: readonly Attribute[]) {
  return compareNamed(before, after, {
    subject: "attribute",
    key: (a) => a.name,
    summary: (a) => a.type,
    compare: (b, a, name) => {
      const of = { subject: "attribute", name } as const;
      return [
        ...valueChange(of, "type", b.type, a.type, always("breaking")),
        ...statedChange(of, "permission", b.permission, a.permission, readAccessClass),
        ...proseChange(of, "description", b.description, a.description),
        ...proseChange(of, "note", b.note, a.note),
      ];
    },
  });
}

export function compareRelationships(before: readonly Relationship[], after: readonly Relationship[]) {
  return compareNamed(before, after, {
    subject: "relationship",
    key: (r) => r.name,
    summary: (r) => r.target,
    compare: (b, a, name) => {
      const of = { subject: "relationship", name } as const;
      return [
        ...valueChange(of, "target", b.target, a.target, always("breaking")),
        ...valueChange(of, "toMany", b.toMany, a.toMany, always("breaking")),
        ...statedChange(of, "polymorphic", b.polymorphic, a.polymorphic, always("breaking")),
        ...statedChange(of, "authorization", b.authorization, a.authorization, readAccessClass),
        ...proseChange(of, "note", b.note, a.note),
      ];
    },
  });
}

/**
 * Who may read something. The docs' levels (`public`, `editor`, `scheduler`...)
 * have no documented order, so only opening it to everyone is known to take
 * nothing away; any other change may lock a client out.
 */
function readAccessClass(_before: string, after: string): ChangeClass {
  return after === "public" ? "additive" : "breaking";
}

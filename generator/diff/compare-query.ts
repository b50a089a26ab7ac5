/** What a resource's collection can be asked for: where, order, include, paging. */
import type { PerPage, Query } from "../spec/types.js";
import { nameSet } from "./canonical.js";
import type { Change } from "./change.js";
import { always, compareNamed, compareNames, proseChange, propertyChange, valueChange } from "./keyed.js";

export function compareQuery(before: Query, after: Query): Change[] {
  return [
    ...compareNamed(before.where, after.where, {
      subject: "where",
      key: (w) => w.name,
      summary: (w) => w.type,
      compare: (b, a, name) => [
        ...valueChange({ subject: "where", name }, "type", b.type, a.type, always("breaking")),
        ...proseChange({ subject: "where", name }, "description", b.description, a.description),
      ],
    }),
    ...compareNames(nameSet(before.order), nameSet(after.order), "order"),
    ...compareNames(nameSet(before.include), nameSet(after.include), "include"),
    ...compareAssignable(before.assignableIncludes, after.assignableIncludes),
    ...comparePaging(before.perPage, after.perPage),
  ];
}

/** Only where both sides say which includes can be assigned: older docs never said. */
function compareAssignable(before: Query["assignableIncludes"], after: Query["assignableIncludes"]): Change[] {
  if (before === undefined || after === undefined) return [];
  return (["create", "update"] as const).flatMap((operation) =>
    compareNames(nameSet(before[operation]), nameSet(after[operation]), "assignable-include", { subject: "permission", name: operation }),
  );
}

/** A smaller largest page or a larger smallest page breaks a client that asks for it. */
function comparePaging(before: PerPage | undefined, after: PerPage | undefined): Change[] {
  if (before === undefined || after === undefined) return [];
  if (before.min === after.min && before.max === after.max && before.default === after.default) return [];
  const narrowed = after.max < before.max || after.min > before.min;
  return [
    propertyChange(narrowed ? "breaking" : "additive", { subject: "paging", name: "per_page" }, "per_page", { ...before }, { ...after }),
  ];
}

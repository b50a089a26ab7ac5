/** Where a resource leads: its associations (with their filters) and its actions. */
import type { Action, Association, Filter } from "../spec/types.js";
import { pathKey, sameJson } from "./canonical.js";
import type { Change } from "./change.js";
import { always, compareNamed, propertyChange, proseChange, valueChange, type Property } from "./keyed.js";

export function compareAssociations(before: readonly Association[], after: readonly Association[]): Change[] {
  return compareNamed(before, after, {
    subject: "association",
    key: (a) => a.name,
    summary: (a) => a.target,
    compare: (b, a, name) => {
      const of = { subject: "association", name } as const;
      return [
        ...valueChange(of, "target", b.target, a.target, always("breaking")),
        ...pathChange(of, b.path, a.path),
        ...valueChange(of, "deprecated", b.deprecated ?? false, a.deprecated ?? false, always("additive")),
        ...proseChange(of, "details", b.details, a.details),
        ...compareFilters(b.filters, a.filters, { subject: "association", name }),
      ];
    },
  });
}

export function compareFilters(before: readonly Filter[], after: readonly Filter[], within: Change["within"]): Change[] {
  return compareNamed(before, after, {
    subject: "filter",
    key: (f) => f.name,
    ...(within === undefined ? {} : { within }),
    compare: (b, a, name) =>
      proseChange({ subject: "filter", name, ...(within === undefined ? {} : { within }) }, "description", b.description, a.description),
  });
}

export function compareActions(before: readonly Action[], after: readonly Action[]): Change[] {
  return compareNamed(before, after, {
    subject: "action",
    key: (a) => a.name,
    compare: (b, a, name) => {
      const of = { subject: "action", name } as const;
      return [
        ...pathChange(of, b.path, a.path),
        ...valueChange(of, "deprecated", b.deprecated ?? false, a.deprecated ?? false, always("additive")),
        ...proseChange(of, "description", b.description, a.description),
        ...proseChange(of, "details", b.details, a.details),
        ...proseChange(of, "canRun", b.canRun, a.canRun),
        ...proseChange(of, "returnType", b.returnType, a.returnType),
        ...(sameJson(b.exampleBody, a.exampleBody) ? [] : [propertyChange("docs", of, "exampleBody", undefined, undefined)]),
      ];
    },
  });
}

/** A path that leads elsewhere; the same path written in another style is no change. */
export function pathChange(of: Property, before: string, after: string): Change[] {
  return pathKey(before) === pathKey(after) ? [] : [propertyChange("breaking", of, "path", before, after)];
}

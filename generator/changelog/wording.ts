/**
 * One sentence per change, shared by every format. A format only decides how
 * names and values are set off (`code` in markdown, a colour on a terminal,
 * nothing in JSON). Changes are listed under their resource, so the sentence
 * does not repeat it.
 */
import { compareText } from "../util/order.js";
import type { Change, ChangeValue, Subject } from "../diff/change.js";

export interface Style {
  /** Sets off a name or a value. */
  code: (text: string) => string;
}

export const PLAIN: Style = { code: (text) => text };

const SUBJECT_LABEL: Record<Subject, string> = {
  version: "version",
  app: "app",
  api: "API fact",
  resource: "resource",
  attribute: "attribute",
  relationship: "relationship",
  association: "association",
  filter: "filter",
  action: "action",
  endpoint: "endpoint",
  where: "where",
  order: "order",
  include: "include",
  "assignable-include": "include",
  permission: "permission",
  "writable-attribute": "attribute",
  paging: "page size",
};

const FIELD_LABEL: Record<string, string> = {
  permission: "read permission",
  authorization: "read permission",
  toMany: "to-many",
  canRun: "who can run it",
  returnType: "return type",
  exampleBody: "example body",
  versionDetails: "release notes",
  baseUrl: "base URL",
};

const VERB: Record<string, string> = { create: "created", update: "updated", destroy: "deleted" };

export function describeChange(change: Change, style: Style = PLAIN): string {
  const { code } = style;
  const name = code(change.name);
  const label = SUBJECT_LABEL[change.subject];
  const within = change.within === undefined ? "" : ` ${SUBJECT_LABEL[change.within.subject]} ${code(change.within.name)}`;
  switch (change.subject) {
    case "version":
      return describeVersion(change, style);
    case "permission":
      if (change.action !== "changed") return describeGrant(change, style);
      break;
    case "assignable-include":
    case "writable-attribute": {
      const verb = change.subject === "assignable-include" ? "assigned" : "set";
      const may = change.action === "added" ? "can now be" : "can no longer be";
      return `${label} ${name} ${may} ${verb} on ${change.within?.name ?? "write"}`;
    }
    case "paging":
      return `${label} changed from ${value(change.before, style)} to ${value(change.after, style)}`;
  }
  if (change.action === "added" || change.action === "removed") {
    const context = change.action === "added" ? change.after : change.before;
    const detail = context === undefined ? "" : ` (${value(context, style)})`;
    const where = within === "" ? "" : change.action === "added" ? ` to${within}` : ` from${within}`;
    return `${label} ${name}${detail} ${change.action}${where}`;
  }
  return `${change.subject === "resource" || change.subject === "app" ? "" : `${label} ${name}${within}: `}${describeField(change, style)}`;
}

function describeField(change: Change, style: Style): string {
  const field = change.field ?? "";
  if (field === "deprecated") return change.after === true ? "now deprecated" : "no longer deprecated";
  if (field === "beta") return change.after === true ? "now marked beta" : "no longer marked beta";
  if (field === "partial") {
    return Array.isArray(change.after)
      ? `written from damaged docs (partial); it lacks ${value(change.after, style)}`
      : "whole again (no longer partial)";
  }
  const label = FIELD_LABEL[field] ?? field;
  const shown = change.class !== "docs" && change.before !== undefined && change.after !== undefined;
  return shown ? `${label} changed from ${value(change.before, style)} to ${value(change.after, style)}` : `${label} changed`;
}

function describeVersion(change: Change, style: Style): string {
  const { code } = style;
  switch (change.action) {
    case "changed":
      return `version ${code(String(change.before))} replaced by ${code(String(change.after))}`;
    case "added": {
      const beside = typeof change.before === "string" ? change.before : undefined;
      const relation =
        beside === undefined ? "" : compareText(change.name, beside) > 0 ? `, newer than ${code(beside)}` : `, beside ${code(beside)}`;
      return `version ${code(change.name)} added${relation}`;
    }
    case "removed": {
      const remaining = typeof change.after === "string" ? `; ${code(change.after)} remains` : "";
      return `version ${code(change.name)} removed${remaining}`;
    }
  }
}

/** A create, update or destroy permission granted or revoked, with the endpoints that come or go with it. */
function describeGrant(change: Change, style: Style): string {
  const verb = VERB[change.name] ?? change.name;
  const endpoints = change.action === "added" ? change.after : change.before;
  const list = endpoints === undefined ? "" : `: ${value(endpoints, style)}`;
  return `${change.action === "added" ? "can now be" : "can no longer be"} ${verb}${list}`;
}

function value(v: ChangeValue | undefined, style: Style): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return style.code(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.map((item) => style.code(item)).join(", ");
  if (typeof v.min === "number" && typeof v.max === "number" && typeof v.default === "number")
    return `${v.min}–${v.max} (default ${v.default})`;
  return style.code(JSON.stringify(v));
}

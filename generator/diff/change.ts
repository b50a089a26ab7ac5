/**
 * The semantic difference between specs, as data. The comparison produces it;
 * the changelog formats (text, markdown, JSON) only render it.
 *
 * Every change has a class:
 * - breaking: something a client relies on is gone or different (a removed
 *   resource, attribute, association, filter, include, order, where parameter or
 *   action; a changed type, target or path; a revoked permission);
 * - additive: the same things added, or a notice that breaks nothing (a
 *   deprecation, a new version);
 * - docs: only the prose changed (descriptions, notes, examples).
 */

export const CHANGE_CLASSES = ["breaking", "additive", "docs"] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

/** What kind of thing changed. */
export const SUBJECTS = [
  "version",
  "app",
  "api",
  "resource",
  "attribute",
  "relationship",
  "association",
  "filter",
  "action",
  "endpoint",
  "where",
  "order",
  "include",
  "assignable-include",
  "permission",
  "writable-attribute",
  "paging",
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const CHANGE_ACTIONS = ["added", "removed", "changed"] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export interface Change {
  class: ChangeClass;
  subject: Subject;
  action: ChangeAction;
  /** The name of what changed: an attribute's name, `GET /people/v2/people`, `create`... */
  name: string;
  /** What holds it, when the resource alone does not say: the association a filter belongs to. */
  within?: { subject: Subject; name: string };
  /** For "changed": which property of it changed (`type`, `description`, `path`...). */
  field?: string;
  /** The value before (for "removed" and "changed"), or context such as a removed attribute's type. */
  before?: ChangeValue;
  /** The value after (for "added" and "changed"). */
  after?: ChangeValue;
}

export type ChangeValue = string | number | boolean | string[] | { [key: string]: ChangeValue };

/** The changes of one resource, in the order the comparison found them. */
export interface ResourceChanges {
  type: string;
  status: "added" | "removed" | "changed";
  changes: Change[];
}

/**
 * One app compared: the same version on both sides, two versions (an upgrade,
 * or a version replaced), or a version on one side only (`before` or `after`
 * absent).
 */
export interface SpecComparison {
  app: string;
  before?: string;
  after?: string;
  /** Changes to the app-version itself: its version, base URL, title, API-wide facts. */
  changes: Change[];
  resources: ResourceChanges[];
}

export function allChanges(comparison: SpecComparison): Change[] {
  return [...comparison.changes, ...comparison.resources.flatMap((r) => r.changes)];
}

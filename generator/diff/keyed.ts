/**
 * The two comparisons everything else is made of: lists of named things
 * (added, removed, or compared item by item) and single properties (prose,
 * flags, values).
 */
import { compareText } from "../util/order.js";
import { byName, canonicalText } from "./canonical.js";
import type { Change, ChangeClass, ChangeValue, Subject } from "./change.js";

export interface NamedList<T> {
  subject: Subject;
  /** The identity two sides are matched by (a name, or `GET <path shape>`). */
  key: (item: T) => string;
  /** The name shown; the key by default. Where the sides differ, the after side's is shown. */
  name?: (item: T) => string;
  /** Context shown beside an added or removed item, such as an attribute's type. */
  summary?: (item: T) => ChangeValue | undefined;
  /** Changes between the two versions of one item. */
  compare?: (before: T, after: T, name: string) => Change[];
  within?: Change["within"];
}

/** Additions (additive), removals (breaking) and item changes, ordered by name. */
export function compareNamed<T>(before: readonly T[], after: readonly T[], list: NamedList<T>): Change[] {
  const old = byName(before, list.key);
  const now = byName(after, list.key);
  const nameOf = (item: T) => (list.name ?? list.key)(item).trim();
  const keys = [...new Set([...old.keys(), ...now.keys()])];
  const named = keys.map((key) => ({ key, name: nameOf((now.get(key) ?? old.get(key))!) }));
  named.sort((a, b) => compareText(a.name, b.name) || compareText(a.key, b.key));

  const within = list.within === undefined ? {} : { within: list.within };
  return named.flatMap(({ key, name }): Change[] => {
    const b = old.get(key);
    const a = now.get(key);
    if (b === undefined) {
      const summary = list.summary?.(a!);
      return [
        {
          class: "additive",
          subject: list.subject,
          action: "added",
          name,
          ...within,
          ...(summary === undefined ? {} : { after: summary }),
        },
      ];
    }
    if (a === undefined) {
      const summary = list.summary?.(b);
      return [
        {
          class: "breaking",
          subject: list.subject,
          action: "removed",
          name,
          ...within,
          ...(summary === undefined ? {} : { before: summary }),
        },
      ];
    }
    return list.compare?.(b, a, name) ?? [];
  });
}

/** A property of a named thing. */
export interface Property {
  subject: Subject;
  name: string;
  within?: Change["within"];
}

/** A prose property (description, note...): a docs change when its words differ. */
export function proseChange(of: Property, field: string, before: string | undefined, after: string | undefined): Change[] {
  if (canonicalText(before) === canonicalText(after)) return [];
  return [propertyChange("docs", of, field, before, after)];
}

/** A property compared as a value; `classOf` decides how much the change matters. */
export function valueChange<V extends ChangeValue>(
  of: Property,
  field: string,
  before: V | undefined,
  after: V | undefined,
  classOf: (before: V | undefined, after: V | undefined) => ChangeClass,
): Change[] {
  if (before === after) return [];
  return [propertyChange(classOf(before, after), of, field, before, after)];
}

/** A value compared only where both sides state it: a source that does not give it says nothing. */
export function statedChange<V extends ChangeValue>(
  of: Property,
  field: string,
  before: V | undefined,
  after: V | undefined,
  classOf: (before: V, after: V) => ChangeClass,
): Change[] {
  if (before === undefined || after === undefined) return [];
  return valueChange(of, field, before, after, (b, a) => classOf(b!, a!));
}

export function propertyChange(
  changeClass: ChangeClass,
  of: Property,
  field: string,
  before: ChangeValue | undefined,
  after: ChangeValue | undefined,
): Change {
  return {
    class: changeClass,
    subject: of.subject,
    action: "changed",
    name: of.name,
    ...(of.within === undefined ? {} : { within: of.within }),
    field,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

/** Names added to or removed from a plain list (orders, includes, writable attributes). */
export function compareNames(
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
  subject: Subject,
  within?: Change["within"],
): Change[] {
  return compareNamed([...before], [...after], { subject, key: (n) => n, ...(within === undefined ? {} : { within }) });
}

export const always = (changeClass: ChangeClass) => (): ChangeClass => changeClass;

/**
 * Answers as documents, with the includes that were asked for resolved onto
 * their records: `person.emails` is the included Email records that
 * `relationships.emails.data` points to (an array for a to-many linkage, a
 * record or null for a to-one), and a nested include's record onto its parent
 * (`event.group.location`). Records are resolved in place through one Map
 * lookup per linkage, and nothing from the answer is ever merged into another
 * object, so a `__proto__` key in a body stays an ordinary property.
 */
import { isObject } from "./errors.js";
import type { Document, Identifier, Page, Resource } from "./types.js";

/** Keys of a resource object itself: an include of one of these names is not resolved onto the record. */
const RESOURCE_KEYS = new Set(["type", "id", "attributes", "relationships", "links", "meta"]);

export function documentOf(
  body: unknown,
  include: readonly string[] | undefined,
): Document<unknown> {
  const answer = isObject(body) ? body : {};
  const document: Document<unknown> = {
    data: answer.data ?? null,
    included: Array.isArray(answer.included) ? (answer.included as Resource[]) : [],
    meta: isObject(answer.meta) ? answer.meta : {},
    links: isObject(answer.links) ? (answer.links as Document<unknown>["links"]) : {},
  };
  if (include?.length) {
    const records = Array.isArray(document.data) ? document.data : [document.data];
    resolveIncludes(records, document.included, include);
  }
  return document;
}

/** A list answer; a single record where a list was expected becomes a list of one. */
export function pageOf(body: unknown, include: readonly string[] | undefined): Page<unknown> {
  const document = documentOf(body, include);
  const data = document.data;
  return {
    ...document,
    data: Array.isArray(data) ? data : data === null ? [] : [data],
  };
}

function resolveIncludes(records: unknown[], included: unknown[], names: readonly string[]): void {
  const index = new Map<string, unknown>();
  for (const record of included)
    if (isObject(record)) index.set(keyOf(record as unknown as Identifier), record);
  for (const record of records) {
    if (!isObject(record)) continue;
    const key = keyOf(record as unknown as Identifier);
    if (!index.has(key)) index.set(key, record);
  }
  const find = (linkage: unknown) =>
    isObject(linkage) ? index.get(keyOf(linkage as unknown as Identifier)) : undefined;

  for (const name of names) {
    // A nested include (`group.location`) resolves its first step onto the
    // records, then each next step onto the records the last one reached.
    let level: unknown[] = records;
    for (const step of name.split(".")) level = resolveStep(level, step, find);
  }
}

/** Resolves one relationship onto each record; answers the records it reached. */
function resolveStep(
  records: unknown[],
  name: string,
  find: (linkage: unknown) => unknown,
): unknown[] {
  const reached: unknown[] = [];
  if (RESOURCE_KEYS.has(name)) return reached;
  for (const record of records) {
    if (!isObject(record) || !isObject(record.relationships)) continue;
    const relationships = record.relationships;
    if (!Object.hasOwn(relationships, name)) continue;
    const relationship = relationships[name];
    if (!isObject(relationship) || !("data" in relationship)) continue;
    const linkage = relationship.data;
    let value: unknown;
    if (Array.isArray(linkage)) {
      const found: unknown[] = [];
      // Pushed one by one: a spread of a hostile answer's linkage (hundreds of thousands) would throw a RangeError.
      for (const item of linkage) {
        const target = find(item);
        if (target === undefined) continue;
        found.push(target);
        reached.push(target);
      }
      value = found;
    } else {
      value = find(linkage) ?? null;
      if (value !== null) reached.push(value);
    }
    // Assignment to `__proto__` would set the prototype: that one name is defined instead.
    if (name === "__proto__")
      Object.defineProperty(record, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else record[name] = value;
  }
  return reached;
}

const keyOf = (identifier: Identifier) => `${identifier.type}\u0000${identifier.id}`;

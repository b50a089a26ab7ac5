/**
 * What must never count as a change: the docs' writing style of paths
 * (`/people/1/addresses` or `/people/{person_id}/addresses`), the order of
 * lists, names given twice, and whitespace in prose. Specs written by the
 * normalizer are already sorted and deduplicated, but `diff` takes any spec
 * file, so the comparison makes no assumption about it.
 */
import { compareText } from "../util/order.js";
import { pathShape } from "../spec/paths.js";

/** Prose compared by its words: runs of whitespace are one space, ends trimmed; absent is empty. */
export function canonicalText(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** A path as the API sees it: host, trailing slash and the names of id parameters set aside. */
export function pathKey(path: string): string {
  return pathShape(path);
}

/** Items by trimmed name, the first of each name kept, unnamed ones dropped. */
export function byName<T>(items: readonly T[], nameOf: (item: T) => string): Map<string, T> {
  const kept = new Map<string, T>();
  for (const item of items) {
    const name = nameOf(item).trim();
    if (name !== "" && !kept.has(name)) kept.set(name, item);
  }
  return kept;
}

/** Names, trimmed and deduplicated: for lists of plain strings (orders, includes). */
export function nameSet(names: readonly string[] | undefined): Set<string> {
  return new Set((names ?? []).map((n) => n.trim()).filter((n) => n !== ""));
}

/** Structural equality of parsed JSON (examples), whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => compareText(x, y)))
        : v,
    ) ?? ""
  );
}

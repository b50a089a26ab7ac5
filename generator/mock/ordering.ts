/**
 * `order=name,-other`: sorts by the names the docs list as orderable, a
 * leading hyphen reversing one. Values compare by the attribute's type
 * (numbers as numbers, dates and times in time order, text without regard to
 * case); empty values come last; ties keep the collection's order.
 */
import { compareText } from "../util/order.js";
import { badParameter, type ErrorDocument } from "../dataset/errors.js";
import type { FixtureRecord } from "../dataset/records.js";
import type { Resource } from "../spec/types.js";

export type Comparator = (a: FixtureRecord, b: FixtureRecord) => number;

export function orderComparator(
  resource: Resource,
  order: { parameter: string; value: string },
): { compare: Comparator } | { error: ErrorDocument } {
  const keys: Comparator[] = [];
  for (const term of order.value
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "")) {
    const descending = term.startsWith("-");
    const name = descending ? term.slice(1) : term;
    if (!resource.query.order.includes(name)) {
      const names = resource.query.order.join(", ") || "nothing";
      return { error: badParameter(order.parameter, `${resource.type} cannot be ordered by ${name}; it can be ordered by ${names}`) };
    }
    const type = resource.attributes.find((a) => a.name === name)?.type ?? "string";
    keys.push(byValue(name, type, descending));
  }
  return { compare: (a, b) => keys.reduce((result, key) => result || key(a, b), 0) };
}

function byValue(name: string, type: string, descending: boolean): Comparator {
  const valueOf = (record: FixtureRecord): unknown => (name === "id" ? record.id : record.attributes[name]);
  return (a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    const xEmpty = x === null || x === undefined;
    const yEmpty = y === null || y === undefined;
    if (xEmpty || yEmpty) return Number(xEmpty) - Number(yEmpty);
    const result = compareValues(type, x, y);
    return descending ? -result : result;
  };
}

function compareValues(type: string, x: unknown, y: unknown): number {
  if (type === "integer" || type === "float" || type === "primary_key" || type === "boolean") {
    const [a, b] = [Number(x), Number(y)];
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  }
  if (type === "date" || type === "date_time") {
    const [a, b] = [Date.parse(String(x)), Date.parse(String(y))];
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  }
  const [a, b] = [String(x), String(y)];
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}

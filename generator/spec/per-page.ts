import type { PerPage } from "./types.js";

/**
 * The page size the docs give, where its three numbers make one: whole
 * numbers with minimum ≤ default ≤ maximum. Undefined otherwise, so that a
 * reader reports the docs' numbers at their place rather than writing a page
 * size no client could keep (a default of 1.5, a minimum above the maximum).
 */
export function pageSize(min: unknown, max: unknown, fallback: unknown): PerPage | undefined {
  if (!isCount(min) || !isCount(max) || !isCount(fallback)) return undefined;
  return min <= fallback && fallback <= max ? { min, max, default: fallback } : undefined;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The bounds a page-size problem quotes: `minimum 50, maximum 10, default 1.5`. */
export const pageSizeNumbers = (min: unknown, max: unknown, fallback: unknown): string =>
  `minimum ${String(min)}, maximum ${String(max)}, default ${String(fallback)}`;

/**
 * The docs describe paging limits in words: "how many records to return per
 * page (min=1, max=100, default=25)". Undefined when any of the three is
 * missing, or they make no page size.
 */
export function perPageFromText(text: string): PerPage | undefined {
  const number = (key: string) => {
    const match = new RegExp(`\\b${key}=(\\d+)`).exec(text);
    return match ? Number(match[1]) : undefined;
  };
  return pageSize(number("min"), number("max"), number("default"));
}

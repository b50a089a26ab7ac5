import type { PerPage } from "./types.js";

/**
 * The docs describe paging limits in words: "how many records to return per
 * page (min=1, max=100, default=25)". Undefined when any of the three is missing.
 */
export function perPageFromText(text: string): PerPage | undefined {
  const number = (key: string) => {
    const match = new RegExp(`\\b${key}=(\\d+)`).exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const [min, max, fallback] = [number("min"), number("max"), number("default")];
  return min === undefined || max === undefined || fallback === undefined ? undefined : { min, max, default: fallback };
}

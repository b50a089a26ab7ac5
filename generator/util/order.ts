/**
 * Deterministic ordering. Output never depends on the order the docs or the file
 * system gave things in, nor on the locale: `localeCompare` changes with LANG.
 */

/** Code-unit order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** App, then version: the order specs are rendered, listed and written in. */
export function compareAppVersion(a: { app: string; version: string }, b: { app: string; version: string }): number {
  return compareText(a.app, b.app) || compareText(a.version, b.version);
}

export function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareText(key(a), key(b)));
}

export function sortedStrings(items: Iterable<string>): string[] {
  return [...items].sort(compareText);
}

/**
 * Names the document gives to things: component keys and the
 * words of summaries. Every name is a pure function of what it names, so a
 * name changes only when the thing itself changes.
 */
import pluralize from "pluralize";
import { spacedWords } from "../../util/case.js";
import { memoized } from "../../util/memo.js";

/** The plural of a type's words, inflecting only the last word: `Field Datum` → `Field Data`. */
export const pluralWords: (type: string) => string = memoized((type) => {
  const parts = spacedWords(type).split(" ");
  const last = parts.pop() ?? "";
  return [...parts, pluralize.plural(last)].join(" ");
});

/** `Rotate secret` from `rotate_secret`. */
export function sentenceCase(name: string): string {
  const text = spacedWords(name);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Component keys may hold only `A-Z a-z 0-9 . - _` (OpenAPI 3.1, 4.8.7.1). */
export function componentKey(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, "_");
}

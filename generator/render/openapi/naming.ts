/**
 * Names the document gives to things: operationIds, component keys and the
 * words of summaries. Every name is a pure function of what it names, so a
 * name changes only when the thing itself changes.
 */
import pluralize from "pluralize";
import type { HttpMethod } from "../../spec/types.js";
import { pascalCase, spacedWords } from "../../util/case.js";

/** The plural of a type's words, inflecting only the last word: `Field Datum` → `Field Data`. */
export function pluralWords(type: string): string {
  const parts = spacedWords(type).split(" ");
  const last = parts.pop() ?? "";
  return [...parts, pluralize.plural(last)].join(" ");
}

/** `Rotate secret` from `rotate_secret`. */
export function sentenceCase(name: string): string {
  const text = spacedWords(name);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The operationId of `method path`: the method, then each path segment in
 * PascalCase, parameters prefixed with `By`:
 * `GET /people/v2/people/{person_id}/addresses` → `getPeopleV2PeopleByPersonIdAddresses`.
 * It depends on nothing but the method and the path, so it survives any change
 * to the docs that leaves that URL alone, and it is unique wherever URLs are.
 */
export function operationIdOf(method: HttpMethod, path: string): string {
  const segments = path.split("/").filter((s) => s !== "");
  const named = segments.map((segment) => {
    const parameter = /^\{(.+)\}$/.exec(segment);
    return parameter ? `By${pascalCase(parameter[1]!)}` : pascalCase(segment);
  });
  return `${method.toLowerCase()}${named.join("")}`;
}

/** Component keys may hold only `A-Z a-z 0-9 . - _` (OpenAPI 3.1, 4.8.7.1). */
export function componentKey(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, "_");
}

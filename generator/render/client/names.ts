/**
 * Identifiers from names in the docs. Every name the generated code declares
 * or reads with a dot comes through here: it is made a valid identifier,
 * kept off reserved words and off what the generated code or its users
 * already mean by that name, and made unique in its scope. Allocation is in
 * the order names are claimed, so callers claim in a sorted order.
 */

import { camelCase, pascalCase } from "../../util/case.js";

/** An identifier may not start with a digit. */
const identifierStart = (name: string) => (name === "" ? "_" : /^\p{Nd}/u.test(name) ? `_${name}` : name);

/** A member's identifier: `staff_only_reset_age_checks` → `staffOnlyResetAgeChecks`, `1st` → `_1st`. */
export function camelIdentifier(name: string): string {
  return identifierStart(camelCase(name));
}

/** A type's identifier: `PersonApp` → `PersonApp`, `check-in` → `CheckIn`. */
export function pascalIdentifier(name: string): string {
  return identifierStart(pascalCase(name));
}

/** Claims names in one scope: a taken or reserved name gets the first free numeric suffix. */
export class NameScope {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }

  claim(preferred: string): string {
    let name = preferred;
    for (let n = 2; this.taken.has(name); n++) name = `${preferred}${n}`;
    this.taken.add(name);
    return name;
  }

  /** Claims a base name together with the names derived from it (`Person`, `PersonAttributes`...). */
  claimFamily(preferred: string, suffixes: readonly string[]): string {
    let base = preferred;
    for (let n = 2; ["", ...suffixes].some((s) => this.taken.has(base + s)); n++) base = `${preferred}${n}`;
    for (const s of ["", ...suffixes]) this.taken.add(base + s);
    return base;
  }
}

/**
 * Member names a handle cannot give to an association or an action: its own
 * operations, what every object inherits, and `then` (a handle with a `then`
 * would be taken for a promise by `await`).
 */
export const RESERVED_MEMBERS: readonly string[] = (
  "list each get create update delete id upload then constructor __proto__ prototype toString " +
  "toLocaleString valueOf hasOwnProperty isPrototypeOf propertyIsEnumerable __defineGetter__ " +
  "__defineSetter__ __lookupGetter__ __lookupSetter__"
).split(" ");

/**
 * Type names a resource may not take: globals that users' code means
 * something else by, and what each client module exports besides its resources.
 */
export const RESERVED_TYPE_NAMES: readonly string[] = (
  "Object Promise Error Array Function String Number Boolean Symbol BigInt Date RegExp Map Set WeakMap " +
  "WeakSet Record Partial Required Readonly Pick Omit Exclude Extract NonNullable ReturnType Parameters " +
  "Awaited Iterable AsyncIterable JSON Math Reflect Proxy Intl URL Blob File FormData Headers Request " +
  "Response AbortSignal PcoError ClientOptions Document Page Id Fields"
).split(" ");

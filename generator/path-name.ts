/**
 * Names that become one segment of a path or URL: apps (`check-ins`),
 * versions (`2025-03-20`, `legacy`) and vertex ids (`person`). They come from
 * flags, config files and the docs themselves, so each is checked before it is
 * joined into a path: a name such as `../../x`, `//other-host` or
 * `http://other-host/x` would otherwise read, fetch or write somewhere else.
 */
import { GeneratorError } from "./diagnostics.js";

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
export const MAX_NAME_LENGTH = 100;

/** Letters, digits, `_`, `-` and `.`, not starting with `.` or `-`, no `..`, at most MAX_NAME_LENGTH characters. */
export function isPathName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && SEGMENT.test(name) && !name.includes("..");
}

/** Why a name is refused, for a diagnostic: `"../x" is not a safe app name (...)`. */
export function pathNameProblem(kind: string, name: string): string {
  const shown = JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name);
  return `${shown} is not a safe ${kind} name: it becomes part of a path or URL, so it may hold only letters, digits, "_", "-" and "." (not first, and no ".."), at most ${MAX_NAME_LENGTH} characters`;
}

/** Refuses, with exit code 2, the first unsafe name given with a flag or config key (`--app`). */
export function assertPathNames(given: string, kind: string, names: readonly unknown[]): void {
  for (const name of names) {
    if (typeof name !== "string") throw new GeneratorError(`${given} takes ${kind} names, not ${JSON.stringify(name)}`, { exitCode: 2 });
    if (!isPathName(name)) throw new GeneratorError(`${given} ${pathNameProblem(kind, name)}`, { exitCode: 2 });
  }
}

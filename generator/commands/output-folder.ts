/**
 * The output folder of `generate` and `check`, checked before anything is
 * read. Written into the spec folder, the output's
 * `openapi/<app>-<version>.json` would be taken for specs by the next run;
 * and a file in place of the folder is no output to compare, not one whose
 * every file is missing.
 */
import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import { GeneratorError } from "../diagnostics.js";
import { displayPath } from "../util/display-path.js";

export function assertOutputApart(spec: string, out: string): void {
  if (realOrResolved(spec) !== realOrResolved(out)) return;
  throw new GeneratorError(
    `--out ${displayPath(out)} is the spec folder (--spec): the output's openapi/<app>-<version>.json would be read as specs; name another folder`,
    { exitCode: 2 },
  );
}

/** For `check`: the output is a folder, or nothing yet (then every file is missing). */
export function assertComparableOutput(out: string): void {
  const stats = statSync(out, { throwIfNoEntry: false });
  if (stats !== undefined && !stats.isDirectory()) {
    throw new GeneratorError(`cannot check ${displayPath(out)}: it is not a folder`, { exitCode: 2 });
  }
}

/** The folder with its symbolic links followed, where it exists. */
function realOrResolved(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

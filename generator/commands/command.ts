/** The shape of a CLI command: yargs options in, an exit code out. */
import type { Argv } from "yargs";
import { displayPath } from "../util/display-path.js";
import type { Output } from "./output.js";

export interface Command<A = Record<string, unknown>> {
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv<A>;
  run: (args: A, output: Output) => Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, couldNotRun: 2 } as const;

/** A spec folder that holds no spec (or is no folder at all): there is nothing to render, serve or check. */
export function noSpecsIn(folder: string, output: Output): number {
  output.err(`no specs in ${displayPath(folder)}; run pco-codegen scrape first`);
  return EXIT.couldNotRun;
}

/** The shape of a CLI command: yargs options in, an exit code out. */
import type { Argv } from "yargs";
import type { Output } from "./output.js";

export interface Command<A = Record<string, unknown>> {
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv<A>;
  run: (args: A, output: Output) => Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, couldNotRun: 2 } as const;

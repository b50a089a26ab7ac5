/**
 * Every command of the CLI, each loaded only when it runs: a command's module
 * brings in its whole pipeline (readers, renderers, the mock server), and a
 * command that finds nothing to do should not pay for the others'.
 */
import type { Command } from "./command.js";

type Loader = () => Promise<Command<never>>;
const as = (command: unknown) => command as Command<never>;

/** In the order `--help` lists them. */
export const commandLoaders: ReadonlyMap<string, Loader> = new Map<string, Loader>([
  ["scrape", async () => as((await import("./scrape.js")).scrapeCommand)],
  ["generate", async () => as((await import("./generate.js")).generateCommand)],
  ["check", async () => as((await import("./check.js")).checkCommand)],
  ["diff", async () => as((await import("./diff.js")).diffCommand)],
  ["drift", async () => as((await import("./drift.js")).driftCommand)],
  ["mock", async () => as((await import("./mock.js")).mockCommand)],
]);

/**
 * The commands a command line needs: the one it names, or all of them when
 * it names none or one that does not exist (for `--help`, and for yargs to
 * suggest the closest name).
 */
export async function commandsFor(argv: readonly string[]): Promise<Command<never>[]> {
  const named = argv.find((arg) => !arg.startsWith("-"));
  const loader = named === undefined ? undefined : commandLoaders.get(named);
  if (loader !== undefined) return [await loader()];
  return Promise.all([...commandLoaders.values()].map((load) => load()));
}

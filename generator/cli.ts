/**
 * The `pco-codegen` command line. The only place that prints or decides the
 * process's exit code: 0 success, 1 problems in the docs or drift, 2 could not
 * run (bad usage, unreachable docs, unreadable files).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { formatDiagnostic, GeneratorError } from "./diagnostics.js";
import { commandsFor } from "./commands/index.js";
import { EXIT } from "./commands/command.js";
import { generateCommand } from "./commands/generate.js";
import { plainGenerateArgs } from "./commands/plain-generate.js";
import { packageRoot } from "./util/package-root.js";
import { printableLine, printableLines } from "./util/printable.js";
import type { Output, ProgressSink } from "./commands/output.js";

export async function main(argv: readonly string[], output: Output = processOutput(argv)): Promise<number> {
  const plain = plainGenerateArgs(argv);
  if (plain !== undefined) {
    try {
      return await generateCommand.run({ ...plain, force: false }, output);
    } catch (error) {
      return reportFailure(error, output);
    }
  }
  // Loaded here, not at the top: a plain generate never needs it.
  const { default: yargs } = await import("yargs");
  let exitCode: number = EXIT.ok;
  const parser = yargs([...argv])
    .scriptName("pco-codegen")
    .usage("$0 <command> [options]")
    .option("verbose", { type: "boolean", default: false, describe: "Also print notes, and stack traces of internal errors" })
    .strict()
    .demandCommand(1, "Name a command.")
    .recommendCommands()
    .exitProcess(false)
    .showHelpOnFail(false)
    .fail((message, error) => {
      // Throwing stops yargs before any command runs with bad arguments.
      throw error ?? new UsageError(message);
    })
    .check((args) => {
      // yargs makes a repeated option an array; a single-valued one given twice is a usage error, not a crash.
      const { string, array, number, choices } = (parser as unknown as { getOptions(): DeclaredOptions }).getOptions();
      const repeated = string.find((name) => !array.includes(name) && Array.isArray(args[name]));
      if (repeated !== undefined) throw new UsageError(`--${repeated} is given more than once`);
      // yargs gives an option with no value after it its default (`generate --out` wrote into generated/, `scrape --from` read the live docs).
      const valueless = optionWithoutValue(argv, [...string, ...array, ...number, ...Object.keys(choices)]);
      if (valueless !== undefined) throw new UsageError(`--${valueless} is given no value`);
      // An empty value names nothing: as a folder it would be the working folder, as a file no file at all.
      const empty = string.find((name) => args[name] === "" || (Array.isArray(args[name]) && args[name].includes("")));
      if (empty !== undefined) throw new UsageError(`${flagOrOperand(argv, empty)} is given an empty value`);
      return true;
    }, true)
    .help()
    .version(packageVersion())
    .wrap(Math.min(110, process.stdout.columns || 110));

  for (const command of await commandsFor(argv)) {
    parser.command(command.command, command.describe, command.builder, async (args) => {
      exitCode = await command.run(args as never, output);
    });
  }

  try {
    await parser.parseAsync();
  } catch (error) {
    return reportFailure(error, output);
  }
  return exitCode;
}

class UsageError extends Error {}

/** pco-codegen's own version, for `--version`: what a bug report names. A package.json gone or damaged only loses the number. */
function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "unknown";
  }
}

/** `--out` for an option, `<before>` for an operand (`diff <before> <after>`): as the user wrote it. */
function flagOrOperand(argv: readonly string[], name: string): string {
  const flag = `--${name}`;
  return argv.some((arg) => arg === flag || arg.startsWith(`${flag}=`)) ? flag : `<${name}>`;
}

/**
 * The first of `names` written as a bare `--name` with no value after it: at the end, or before another option or the `--`
 * that ends them. (`--name=` is an empty value, which the check above names.)
 */
function optionWithoutValue(argv: readonly string[], names: readonly string[]): string | undefined {
  const end = argv.indexOf("--");
  const options = end === -1 ? argv : argv.slice(0, end);
  for (const [i, arg] of options.entries()) {
    if (!arg.startsWith("--") || !names.includes(arg.slice(2))) continue;
    const next = options[i + 1];
    if (next === undefined || next.startsWith("--")) return arg.slice(2);
  }
  return undefined;
}

/** The option names yargs has been told of, by type (its `getOptions()`, which its typings leave out). */
interface DeclaredOptions {
  string: string[];
  array: string[];
  number: string[];
  /** An option with `choices` (`--format`), by name. */
  choices: Record<string, unknown>;
}

function reportFailure(error: unknown, output: Output): number {
  if (error instanceof UsageError) {
    output.err(`error: ${error.message}`);
    output.err("Run pco-codegen --help for usage.");
    return EXIT.couldNotRun;
  }
  if (error instanceof GeneratorError) {
    for (const d of error.diagnostics) output.err(formatDiagnostic(d));
    output.err(`error: ${error.message}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.err(`internal error: ${message}`);
  if (output.verbose && error instanceof Error && error.stack) output.err(error.stack);
  else output.err("This is a bug in pco-codegen; run again with --verbose for details.");
  return EXIT.couldNotRun;
}

function processOutput(argv: readonly string[]): Output {
  const isTTY = Boolean(process.stderr.isTTY);
  const stdout = writerUntilClosed(process.stdout);
  const stderr = writerUntilClosed(process.stderr);
  return {
    out: (line) => stdout(`${line}\n`),
    // What goes to the terminal may quote the docs, a server or a path: their control characters are shown, not obeyed.
    err: (line) => stderr(`${printableLines(line)}\n`),
    isTTY,
    verbose: argv.includes("--verbose"),
    progress: () => (isTTY ? progressBar() : undefined),
  };
}

/**
 * Writes to a stream until its reader goes away. A reader that stops early
 * (`pco-codegen diff … | head`) closes the pipe, and the next write fails with
 * EPIPE, which Node throws as an unhandled error with its stack: the rest of
 * the text is dropped instead, and the command ends with its own exit code.
 */
function writerUntilClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

function progressBar(): ProgressSink {
  // Loaded on a terminal only, when a command asks for a bar.
  const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof import("cli-progress");
  const bar = new cliProgress.SingleBar(
    { format: "reading docs [{bar}] {value}/{total} {label}", stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ done, total, label }) {
      if (!started) {
        bar.start(total, 0, { label: printableLine(label) });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label: printableLine(label) });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** Runs the CLI in-process and captures what it prints. */
import { main } from "../../generator/cli.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    isTTY: false,
    verbose: args.includes("--verbose"),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/**
 * `pco-codegen` as a real process, for what only a process shows: its
 * environment (TZ, LANG), and a kill. The CLI is bundled from the sources
 * (`bundle.ts`) once per test file.
 */
import { bundleModule } from "./bundle.js";
import { startProcess, stopProcess, type RunningProcess } from "./process.js";

let built: Promise<string> | undefined;

/** Bundles the CLI once per test file. */
export function bundledCli(): Promise<string> {
  built ??= bundleModule("cli.mjs", 'import { main } from "./generator/cli.ts"; process.exitCode = await main(process.argv.slice(2));');
  return built;
}

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the CLI; `finished` settles when it exits, however it ends. The
 * caller stops it with `stopProcess` in `finally`.
 */
export async function startCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ running: RunningProcess; finished: Promise<ProcessRun> }> {
  return startModule(await bundledCli(), args, options);
}

function startModule(
  module: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): { running: RunningProcess; finished: Promise<ProcessRun> } {
  const running = startProcess(process.execPath, [module, ...args], { cwd: options.cwd, env: options.env ?? process.env });
  const finished = running.exited.then(({ code, signal }) => ({ code, signal, stdout: running.stdout(), stderr: running.stderr() }));
  return { running, finished };
}

/** Runs the CLI to its exit, as `runModuleProcess` runs a module. */
export async function runCliProcess(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; deadlineMs?: number },
): Promise<ProcessRun> {
  return runModuleProcess(await bundledCli(), args, options);
}

/**
 * Runs a bundled module (`bundle.ts`) with Node to its exit. `deadlineMs`, for a test of what could hang: the process is killed
 * then, so the run ends (by SIGKILL) and the test fails on what it expected of the exit, within its own timeout, rather than time
 * out with the process left running.
 */
export async function runModuleProcess(
  module: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; deadlineMs?: number },
): Promise<ProcessRun> {
  const { running, finished } = startModule(module, args, options);
  const deadline = options.deadlineMs === undefined ? undefined : setTimeout(() => void stopProcess(running), options.deadlineMs);
  try {
    return await finished;
  } finally {
    clearTimeout(deadline);
    await stopProcess(running);
  }
}

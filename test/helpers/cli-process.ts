/**
 * `pco-codegen` as a real process, for what only a process shows: its
 * environment (TZ, LANG), and a kill. The CLI is bundled from the sources
 * with esbuild (packages left to node_modules, so the bundle lives in the
 * repository's node_modules/.cache), which takes a fraction of a second and is
 * never stale, unlike `dist/`. Test files run side by side each bundle it
 * once, into a file of their own renamed over the shared one: a process that
 * another file starts meanwhile reads a whole bundle, the old or the new.
 */
import { renameSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { build } from "esbuild";
import { REPO_ROOT } from "./corpus.js";
import { startProcess, stopProcess, type RunningProcess } from "./process.js";

export const CLI_BUNDLE = path.join(REPO_ROOT, "node_modules", ".cache", "pco-codegen-reliability", "cli.mjs");

let built: Promise<string> | undefined;

/** Bundles the CLI once per test file. */
export function bundledCli(): Promise<string> {
  const own = `${CLI_BUNDLE}.${process.pid}-${threadId}`;
  built ??= build({
    stdin: {
      contents: 'import { main } from "./generator/cli.ts"; process.exitCode = await main(process.argv.slice(2));',
      resolveDir: REPO_ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: own,
    logLevel: "silent",
  }).then(() => {
    renameSync(own, CLI_BUNDLE);
    return CLI_BUNDLE;
  });
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
  const running = startProcess(process.execPath, [await bundledCli(), ...args], { cwd: options.cwd, env: options.env ?? process.env });
  const finished = running.exited.then(({ code, signal }) => ({ code, signal, stdout: running.stdout(), stderr: running.stderr() }));
  return { running, finished };
}

/**
 * Runs the CLI to its exit. `deadlineMs`, for a test of what could hang: the process is killed then, so the run ends (by SIGKILL)
 * and the test fails on what it expected of the exit, within its own timeout, rather than time out with the process left running.
 */
export async function runCliProcess(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; deadlineMs?: number },
): Promise<ProcessRun> {
  const { running, finished } = await startCli(args, options);
  const deadline = options.deadlineMs === undefined ? undefined : setTimeout(() => void stopProcess(running), options.deadlineMs);
  try {
    return await finished;
  } finally {
    clearTimeout(deadline);
    await stopProcess(running);
  }
}

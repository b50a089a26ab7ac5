/**
 * `pco-codegen` as a real process, for what only a process shows: its
 * environment (TZ, LANG), and a kill. The CLI is bundled from the sources
 * with esbuild (packages left to node_modules, so the bundle lives in the
 * repository's node_modules/.cache), which takes a fraction of a second and is
 * never stale, unlike `dist/`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import { REPO_ROOT } from "../helpers/corpus.js";

export const CLI_BUNDLE = path.join(REPO_ROOT, "node_modules", ".cache", "pco-codegen-reliability", "cli.mjs");

let built: Promise<string> | undefined;

/** Bundles the CLI once per test file. */
export function bundledCli(): Promise<string> {
  built ??= build({
    stdin: { contents: 'import { main } from "./generator/cli.ts"; process.exitCode = await main(process.argv.slice(2));', resolveDir: REPO_ROOT, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: CLI_BUNDLE,
    logLevel: "silent",
  }).then(() => CLI_BUNDLE);
  return built;
}

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; `finished` settles when it exits, however it ends. */
export async function startCli(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ child: ChildProcess; finished: Promise<ProcessRun> }> {
  const child = spawn(process.execPath, [await bundledCli(), ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<ProcessRun>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, finished };
}

export async function runCliProcess(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<ProcessRun> {
  return (await startCli(args, options)).finished;
}

/**
 * What every figure shares: its result (rows of one value per run), the
 * summary of a row (median, min, max), whether a goal is met, and timing of
 * work in this process or in a child process.
 */
import { spawn } from "node:child_process";
import type { Workspace } from "./workspace.js";

export type Unit = "×" | "ms" | "MB" | "B" | "%" | "ops/s" | "count";

/** A target for the code, judged on the median. */
export interface Goal {
  compare: "at most" | "at least";
  value: number;
}

export interface Row {
  label: string;
  unit: Unit;
  /** One value per run. */
  values: number[];
  goal?: Goal;
}

export interface FigureResult {
  id: string;
  title: string;
  /** What was measured and against what, for the reader of the results. */
  method: string;
  rows: Row[];
  /** Why the figure could not be measured on this machine (no corpus, say). */
  skipped?: string;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("no values to summarize");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export function meetsGoal(median: number, goal: Goal): boolean {
  return goal.compare === "at most" ? median <= goal.value : median >= goal.value;
}

/** Collects one value per row name over the runs, in the order rows were first given. */
export class RowCollector {
  private readonly rows = new Map<string, Row>();

  add(label: string, unit: Unit, value: number, goal?: Goal): void {
    if (!Number.isFinite(value)) throw new Error(`${label}: not a finite measurement (${value})`);
    const row = this.rows.get(label) ?? { label, unit, values: [], ...(goal ? { goal } : {}) };
    row.values.push(value);
    this.rows.set(label, row);
  }

  result(): Row[] {
    return [...this.rows.values()];
  }
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

export const megabytes = (bytes: number): number => bytes / (1024 * 1024);

export interface ChildRun {
  /** Wall-clock time from spawn to exit. */
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child, when asked for with `peakMemory`. */
  maxRssBytes?: number;
  /** Wall-clock time from spawn to the output `readyWhen` waits for, when asked for. */
  readyMs?: number;
}

const RSS_MARK = "pco-bench-max-rss=";
/** Loaded before the child's program: reports its peak resident memory on the way out. */
const RSS_REPORTER = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\n${RSS_MARK}"+process.resourceUsage().maxRSS+"\\n"))`;

/**
 * Runs `node <args>` and times it, start to exit, as a user waiting on the
 * command would. With `readyWhen`, a command that runs until stopped (a
 * server) is also timed to the first output that matches, then sent SIGTERM.
 */
export function runNode(args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  return runProcess(process.execPath, options.peakMemory ? ["--import", RSS_REPORTER, ...args] : [...args], options);
}

export interface ChildOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  peakMemory?: boolean;
  readyWhen?: RegExp;
}

/**
 * Runs any program (`npm`, say) the same way. `peakMemory` is only honoured
 * for Node processes that load the reporter, which `runNode` arranges.
 */
export function runProcess(file: string, args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, [...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let readyMs: number | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      out.push(chunk);
      if (readyMs === undefined && options.readyWhen?.test(Buffer.concat(out).toString("utf8"))) {
        readyMs = msSince(start);
        child.kill("SIGTERM");
      }
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = msSince(start);
      let stderr = Buffer.concat(err).toString("utf8");
      let maxRssBytes: number | undefined;
      const mark = stderr.lastIndexOf(`\n${RSS_MARK}`);
      if (options.peakMemory && mark !== -1) {
        maxRssBytes = Number(/\d+/.exec(stderr.slice(mark + RSS_MARK.length + 1))![0]) * 1024;
        stderr = stderr.slice(0, mark);
      }
      resolve({
        ms,
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr,
        ...(maxRssBytes === undefined ? {} : { maxRssBytes }),
        ...(readyMs === undefined ? {} : { readyMs }),
      });
    });
  });
}

/** A child run that must succeed: its output is shown when it does not. */
export function assertSucceeded(run: ChildRun, what: string): ChildRun {
  if (run.code !== 0) throw new Error(`${what} exited with ${run.code}:\n${run.stdout}\n${run.stderr}`.trim());
  return run;
}

/**
 * Alternates which of two measurements goes first from one run to the next,
 * so that neither always meets a colder or a busier machine.
 */
export async function inTurn<T>(run: number, first: () => Promise<T>, second: () => Promise<T>): Promise<[T, T]> {
  if (run % 2 === 0) {
    const a = await first();
    return [a, await second()];
  }
  const b = await second();
  return [await first(), b];
}

export interface BenchContext {
  workspace: Workspace;
  runs: number;
  log: (line: string) => void;
}

/** One figure of the benchmark: measured `runs` times, as rows. */
export interface Figure {
  id: string;
  title: string;
  run(context: BenchContext): Promise<FigureResult>;
}

/**
 * `npm run fuzz`: the long fuzz run over the documentation corpus.
 *
 *   node dist/generator/fuzz/main.js [--cases 5000] [--seed 1] [--selection full|quick] [--case <n>]... [--corpus <dir>]
 *   node dist/generator/fuzz/main.js --mode hostile-server [--cases 200] [--seed 1] [--case <n>]...
 *
 * The default mode damages the docs' files; `--mode hostile-server` serves
 * the docs from a loopback server that lies in its headers, sizes, redirects
 * and ids (hostile.ts).
 *
 * The cases run in a worker thread, watched from this one: a case that stops
 * answering (a hang, whatever its cause) is stopped and named. Prints the
 * run's figures; exits 0 when every case passed, 1 when any failed, 2 when
 * it could not run (no corpus, bad options).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { packageRoot } from "../util/package-root.js";
import { OUTCOMES, type CasePlan, type FuzzOptions, type FuzzReport, type Outcome } from "./runner.js";
import { runHostileFuzz } from "./hostile.js";
import { INPUT_KINDS, type SeedSelection } from "./targets.js";
import type { WorkerMessage } from "./worker.js";
import { appendAll } from "../util/append.js";

/** A case silent for this long is taken to hang (the clock's time, on a machine that may be busy). */
const HANG_MS = 60_000;
const PROGRESS_EVERY = 500;
const FAILURES_SHOWN = 20;

type WorkerOptions = Omit<FuzzOptions, "onStart" | "onCase">;
type RunOutcome = { report: FuzzReport } | { hung: CasePlan | undefined } | { error: string; during: CasePlan | undefined };

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--mode")) return mainOfMode(argv);
  let parsed: Omit<WorkerOptions, "workDir">;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    console.error(`fuzz: ${(error as Error).message}`);
    return 2;
  }
  if (!existsSync(path.join(parsed.corpus, "portal"))) {
    console.error(`fuzz: no documentation corpus at ${parsed.corpus} (set PCO_DOCS_DIR or pass --corpus)`);
    return 2;
  }
  const options: WorkerOptions = { ...parsed, workDir: mkdtempSync(path.join(tmpdir(), "pco-fuzz-")) };
  const started = performance.now();
  const outcome = await runInWorker(options);
  rmSync(options.workDir, { recursive: true, force: true });
  const seconds = (performance.now() - started) / 1000;

  if ("hung" in outcome) {
    console.log(`fuzz: a case did not finish within ${HANG_MS / 1000} s: ${describe(outcome.hung)}`);
    return 1;
  }
  if ("error" in outcome) {
    console.log(`fuzz: the run stopped: ${outcome.error}${outcome.during ? ` (during ${describe(outcome.during)})` : ""}`);
    return 1;
  }
  for (const line of figures(outcome.report, options, seconds)) console.log(line);
  return outcome.report.failures.length === 0 ? 0 : 1;
}

function parseOptions(argv: string[]): Omit<WorkerOptions, "workDir"> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: "string", default: "5000" },
      seed: { type: "string", default: "1" },
      selection: { type: "string", default: "full" },
      case: { type: "string", multiple: true },
      corpus: { type: "string" },
    },
  });
  const integer = (name: string, text: string) => {
    if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, not "${text}"`);
    return Number(text);
  };
  if (values.selection !== "full" && values.selection !== "quick")
    throw new Error(`--selection is full or quick, not "${values.selection}"`);
  return {
    corpus: path.resolve(packageRoot(), values.corpus ?? process.env.PCO_DOCS_DIR ?? "../shared/docs"),
    cases: integer("cases", values.cases),
    seed: integer("seed", values.seed),
    selection: values.selection as SeedSelection,
    ...(values.case === undefined ? {} : { only: values.case.map((c) => integer("case", c)) }),
  };
}

/** `--mode <name>`: `files` (the default) or `hostile-server`. */
async function mainOfMode(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      mode: { type: "string" },
      cases: { type: "string", default: "200" },
      seed: { type: "string", default: "1" },
      case: { type: "string", multiple: true },
      corpus: { type: "string" },
      selection: { type: "string" },
    },
  });
  if (values.mode === "files") return main(argv.filter((a, i) => a !== "--mode" && argv[i - 1] !== "--mode"));
  const whole = (name: string, text: string) => {
    if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, not "${text}"`);
    return Number(text);
  };
  let options: { cases: number; seed: number; only?: number[] };
  try {
    if (values.mode !== "hostile-server") throw new Error(`--mode is files or hostile-server, not "${values.mode}"`);
    options = {
      cases: whole("cases", values.cases),
      seed: whole("seed", values.seed),
      ...(values.case ? { only: values.case.map((c) => whole("case", c)) } : {}),
    };
  } catch (error) {
    console.error(`fuzz: ${(error as Error).message}`);
    return 2;
  }
  const corpus = path.resolve(packageRoot(), values.corpus ?? process.env.PCO_DOCS_DIR ?? "../shared/docs");
  if (!existsSync(path.join(corpus, "portal"))) {
    console.error(`fuzz: no documentation corpus at ${corpus} (set PCO_DOCS_DIR or pass --corpus)`);
    return 2;
  }
  const started = performance.now();
  const report = await runHostileFuzz({ corpus, ...options });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `fuzz: ${report.cases.toLocaleString("en-US")} hostile-server cases from seed ${options.seed}, ${report.crashes} crash${report.crashes === 1 ? "" : "es"}, ` +
      `${report.hangs} hang${report.hangs === 1 ? "" : "s"}, ${report.failures.length} failed`,
  );
  console.log(
    `  hostilities: ${Object.entries(report.byHostility)
      .map(([name, n]) => `${name} ${n}`)
      .join(", ")}`,
  );
  console.log(
    `  readers: ${Object.entries(report.byReader)
      .map(([reader, n]) => `${reader} ${n}`)
      .join(", ")}`,
  );
  console.log(`  took ${Math.round(seconds)} s`);
  for (const failure of report.failures.slice(0, FAILURES_SHOWN)) {
    console.log(`  FAILED case ${failure.index} (${failure.hostility}, request ${failure.target}): ${failure.failure}`);
    console.log(`    replay: npm run fuzz -- --mode hostile-server --seed ${options.seed} --case ${failure.index}`);
  }
  return report.failures.length === 0 ? 0 : 1;
}

function runInWorker(options: WorkerOptions): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: options });
    let current: CasePlan | undefined;
    let heard = Date.now();
    let done = 0;
    let failed = 0;
    const finish = (outcome: RunOutcome) => {
      clearInterval(watchdog);
      void worker.terminate();
      resolve(outcome);
    };
    const watchdog = setInterval(() => {
      if (Date.now() - heard > HANG_MS) finish({ hung: current });
    }, 1000);
    worker.on("message", (message: WorkerMessage) => {
      heard = Date.now();
      if ("started" in message) current = message.started;
      else if ("finished" in message) {
        done += 1;
        if (message.finished.failure !== undefined) failed += 1;
        if (done % PROGRESS_EVERY === 0) console.error(`fuzz: ${done} cases, ${failed} failed`);
      } else if ("report" in message) finish({ report: message.report });
      else finish({ error: message.error, during: current });
    });
    worker.on("error", (error) => finish({ error: error.message, during: current }));
  });
}

const round = (ms: number) => Math.round(ms).toLocaleString("en-US");

function describe(plan: CasePlan | undefined): string {
  if (plan === undefined) return "before the first case";
  return `case ${plan.index}: ${plan.kind} ${plan.seed}, ${plan.mutations.join(" + ")} (${plan.length.toLocaleString("en-US")} characters)`;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  spec: "read into specs",
  diagnostics: "ended in diagnostics",
  refused: "refused with a located error",
  crash: "crashed",
};

function figures(report: FuzzReport, options: WorkerOptions, seconds: number): string[] {
  const crashes = report.byOutcome.crash;
  const slow = report.failures.filter((f) => f.outcome !== "crash" && f.failure?.startsWith("took")).length;
  const lines = [
    `fuzz: ${report.cases.toLocaleString("en-US")} cases from seed ${report.seed} (${options.selection} selection of the corpus), ` +
      `${crashes} crash${crashes === 1 ? "" : "es"}, ${slow} too slow, ${report.failures.length} failed`,
    `  inputs:   ${INPUT_KINDS.map((kind) => `${kind} ${report.byKind[kind]}`).join(", ")}`,
    `  outcomes: ${OUTCOMES.map((outcome) => `${report.byOutcome[outcome]} ${OUTCOME_WORDS[outcome]}`).join(", ")}`,
  ];
  if (report.slowest !== undefined) {
    const s = report.slowest;
    lines.push(`  slowest:  ${round(s.ms)} ms, ${describe(s)}`);
  }
  lines.push(`  took ${Math.round(seconds)} s`);
  for (const failure of report.failures.slice(0, FAILURES_SHOWN)) {
    lines.push(`  FAILED ${describe(failure)}`);
    const indented = failure.failure!.split("\n").map((l) => `    ${l}`);
    appendAll(lines, indented);
    lines.push(`    replay: npm run fuzz -- --seed ${report.seed} --selection ${options.selection} --case ${failure.index}`);
  }
  if (report.failures.length > FAILURES_SHOWN) lines.push(`  ... and ${report.failures.length - FAILURES_SHOWN} more`);
  return lines;
}

process.exitCode = await main(process.argv.slice(2));

/**
 * `npm run bench`: measures every figure `runs` times in one go and writes
 * bench/RESULTS.md. Progress goes to stderr, the results table to stdout.
 *
 *   node --expose-gc dist/bench/run.js [--runs 5] [--only 2,4] [--out bench/RESULTS.md] [--keep]
 *
 * RESULTS.md is written by a run of every figure, at least 5 times each; any
 * other run writes only where --out says.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { decodeFigure } from "./figures/decode.js";
import { mockStartupFigure } from "./figures/mock-startup.js";
import { noopGenerateFigure } from "./figures/noop-generate.js";
import { openApiReadFigure } from "./figures/openapi-read.js";
import { pipelineFigure } from "./figures/pipeline.js";
import { rateLimitFigure } from "./figures/rate-limit.js";
import { runtimeSizeFigure } from "./figures/runtime-size.js";
import { scalingFigure } from "./figures/scaling.js";
import { typeCheckFigure } from "./figures/type-check.js";
import { packageRoot } from "../generator/util/package-root.js";
import type { Figure, FigureResult } from "./harness.js";
import { machineInfo, resultsMarkdown } from "./results.js";
import { createWorkspace } from "./workspace.js";

const FIGURES: readonly Figure[] = [
  pipelineFigure,
  noopGenerateFigure,
  typeCheckFigure,
  decodeFigure,
  runtimeSizeFigure,
  rateLimitFigure,
  mockStartupFigure,
  scalingFigure,
  openApiReadFigure,
];
const MIN_RUNS = 5;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: String(MIN_RUNS) },
      only: { type: "string" },
      out: { type: "string" },
      keep: { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
  const wanted = values.only?.split(",").map((id) => id.trim());
  const figures = wanted === undefined ? FIGURES : FIGURES.filter((figure) => wanted.includes(figure.id));
  if (figures.length === 0) throw new Error(`--only ${values.only}: figures are ${FIGURES.map((f) => f.id).join(", ")}`);
  if (typeof (globalThis as { gc?: unknown }).gc !== "function")
    process.stderr.write("note: run with node --expose-gc for steadier decode figures\n");

  const repo = packageRoot();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const machine = machineInfo();
  const date = new Date();
  const started = process.hrtime.bigint();
  const workspace = await createWorkspace(repo, log);
  const results: FigureResult[] = [];
  try {
    for (const figure of figures) {
      log(`${figure.id}. ${figure.title}`);
      results.push(await figure.run({ workspace, runs, log }));
    }
  } finally {
    if (values.keep) log(`workspace kept: ${workspace.dir}`);
    else await workspace.dispose();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const markdown = resultsMarkdown(results, { runs, date, machine, seconds });
  process.stdout.write(markdown);
  const out = values.out ?? (wanted === undefined && runs >= MIN_RUNS ? path.join(repo, "bench", "RESULTS.md") : undefined);
  if (out !== undefined) {
    await writeFile(out, markdown);
    log(`written: ${path.relative(process.cwd(), out) || out}`);
  }
  if (runs < MIN_RUNS) log(`note: ${runs} run${runs === 1 ? "" : "s"}; bench/RESULTS.md takes at least ${MIN_RUNS}`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}

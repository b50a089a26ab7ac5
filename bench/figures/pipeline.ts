/**
 * Figure 1: the whole pipeline as a user runs it: `pco-codegen scrape` of the
 * committed spec's sources into a fresh folder, then `pco-codegen generate`
 * from it into another, each a process timed from spawn to exit (Node's
 * start, module loading and every write included), against a process that
 * merely reads every input file and `JSON.parse`s the JSON ones.
 *
 * The baseline is short (a tenth of a second) and so noisy: each run takes the
 * median of several baseline processes, after one that warms the page cache,
 * and reports their spread. The pipeline runs twice per run: with an empty
 * cache (a first run, or after the generator changed) and then with the cache
 * that run filled, into new folders each time.
 */
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { assertSucceeded, megabytes, RowCollector, runNode, summarize, type Figure } from "../harness.js";
import { cliPath, committedSources, missingSources, sourceLocation } from "../workspace.js";

export interface ReadInputs {
  /** Reading and parsing, timed inside the process. */
  ms: number;
  files: number;
  bytes: number;
  /** JSON files that did not parse (a damaged capture's): parsing them was attempted all the same. */
  unparsable: number;
}

/**
 * The baseline's program, run as `node --input-type=module -e`: Node's own
 * modules only, so that it pays Node's start and its work and nothing else.
 * Every file under the given folders (or the given file) is read as text, the
 * JSON ones parsed (a damaged capture's file that does not parse is counted:
 * the attempt is the work); it prints what it read as JSON.
 */
export const READ_INPUTS_PROGRAM = `
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
const start = process.hrtime.bigint();
const locations = JSON.parse(process.argv[1]);
const under = async (location) => {
  if (!(await stat(location)).isDirectory()) return [location];
  const entries = await readdir(location, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
};
const files = (await Promise.all(locations.map(under))).flat();
let unparsable = 0;
const sizes = await Promise.all(files.map(async (file) => {
  const text = await readFile(file, "utf8");
  if (file.endsWith(".json")) {
    try {
      JSON.parse(text);
    } catch {
      unparsable += 1; // damaged on purpose (a capture of broken documents)
    }
  }
  return text.length;
}));
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ ms, files: files.length, bytes: sizes.reduce((a, b) => a + b, 0), unparsable }));
`;

/** The baseline as a whole process: spawn to exit. */
export async function baselineProcess(repo: string, sources: readonly string[]): Promise<{ ms: number; read: ReadInputs }> {
  const locations = sources.map((source) => sourceLocation(repo, source));
  const run = assertSucceeded(
    await runNode(["--input-type=module", "-e", READ_INPUTS_PROGRAM, JSON.stringify(locations)], { cwd: repo }),
    "reading the inputs",
  );
  return { ms: run.ms, read: JSON.parse(run.stdout) as ReadInputs };
}

export interface PipelineRun {
  scrapeMs: number;
  generateMs: number;
  /** The larger of the two processes' peak resident memory. */
  peakRssBytes: number;
  /** What the two commands printed last: the number of specs and of files written. */
  summary: string;
}

/** `<cli> scrape --from … --out <dir>/spec`, then `<cli> generate --spec <dir>/spec --out <dir>/generated`, as processes. */
export async function pipelineProcesses(
  cli: string,
  repo: string,
  sources: readonly string[],
  dir: string,
  cache: string,
): Promise<PipelineRun> {
  const env = { PCO_CODEGEN_CACHE: cache };
  const spec = path.join(dir, "spec");
  const scrape = assertSucceeded(
    await runNode([cli, "scrape", "--from", ...sources, "--out", spec], { cwd: repo, env, peakMemory: true }),
    "pco-codegen scrape",
  );
  const generate = assertSucceeded(
    await runNode([cli, "generate", "--spec", spec, "--out", path.join(dir, "generated")], { cwd: repo, env, peakMemory: true }),
    "pco-codegen generate",
  );
  const last = (text: string) => text.trim().split("\n").at(-1) ?? "";
  return {
    scrapeMs: scrape.ms,
    generateMs: generate.ms,
    peakRssBytes: Math.max(scrape.maxRssBytes ?? 0, generate.maxRssBytes ?? 0),
    summary: `${last(scrape.stderr)}; ${last(generate.stderr)}`,
  };
}

/** Baseline processes per run; their median is the run's baseline. */
const BASELINE_SAMPLES = 9;

export const pipelineFigure: Figure = {
  id: "1",
  title: "the whole pipeline (scrape, then generate) as processes",
  async run({ workspace, runs, log }) {
    const sources = committedSources(workspace.repo);
    const method =
      `\`pco-codegen scrape --from ${sources.join(" ")} --out <new folder>\`, then \`pco-codegen generate\` from that folder into ` +
      "another new one (latest versions; every renderer), each timed from spawn to exit as a user waits for it: Node's start, " +
      "module loading and every write count. The baseline is a process that reads every file of those sources and `JSON.parse`s " +
      `the JSON ones, also timed from spawn to exit: each run takes the median of ${BASELINE_SAMPLES} such processes, after one ` +
      "that warms the page cache, and the spread of those samples is shown. The pipeline runs once with an empty cache (a first " +
      "run, or after the generator changed: prettier formats every file it is given, and nothing is cached), then again with the " +
      "cache that run filled, into new folders.";
    const absent = missingSources(workspace.repo, sources);
    if (absent.length > 0) return { id: this.id, title: this.title, method, rows: [], skipped: `no documentation at ${absent.join(", ")}` };

    const rows = new RowCollector();
    let shape = "";
    for (let run = 0; run < runs; run++) {
      await baselineProcess(workspace.repo, sources);
      const samples: number[] = [];
      let read: ReadInputs | undefined;
      for (let i = 0; i < BASELINE_SAMPLES; i++) {
        const sample = await baselineProcess(workspace.repo, sources);
        samples.push(sample.ms);
        read = sample.read;
      }
      const baseline = summarize(samples);
      const cache = await mkdtemp(path.join(workspace.dir, "pipeline-cache-"));
      // The same pipeline twice, into new folders: first with the empty cache, then with the cache that run filled.
      const pipeline = async (name: string) =>
        pipelineProcesses(
          cliPath(workspace.repo),
          workspace.repo,
          sources,
          await mkdtemp(path.join(workspace.dir, `pipeline-${name}-`)),
          cache,
        );
      const cold = await pipeline("cold");
      const warm = await pipeline("warm");
      const coldMs = cold.scrapeMs + cold.generateMs;
      const warmMs = warm.scrapeMs + warm.generateMs;
      shape = `${read!.files} input files (${megabytes(read!.bytes).toFixed(1)} MB of text); the commands printed: ${warm.summary}`;
      rows.add("empty cache: scrape + generate ÷ read + parse", "×", coldMs / baseline.median, { compare: "at most", value: 15 });
      rows.add("warm cache: scrape + generate ÷ read + parse", "×", warmMs / baseline.median, { compare: "at most", value: 10 });
      rows.add("read + parse every input file, a process (median of the run's samples)", "ms", baseline.median);
      rows.add("read + parse: spread of the run's samples (max − min)", "ms", baseline.max - baseline.min);
      rows.add("read + parse, timed inside the process (no start-up)", "ms", read!.ms);
      rows.add("scrape, empty cache", "ms", cold.scrapeMs);
      rows.add("scrape, warm cache", "ms", warm.scrapeMs);
      rows.add("generate, empty cache", "ms", cold.generateMs);
      rows.add("generate, warm cache", "ms", warm.generateMs);
      rows.add("peak resident memory of either process, empty cache", "MB", megabytes(cold.peakRssBytes));
      log(`  run ${run + 1}: ${Math.round(coldMs)} / ${Math.round(warmMs)} ms vs ${baseline.median.toFixed(1)} ms`);
    }
    return { id: this.id, title: this.title, method: `${method} ${shape}.`, rows: rows.result() };
  },
};

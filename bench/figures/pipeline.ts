/**
 * Figure 1: scrape + render of the whole corpus (the sources of the committed
 * spec, latest versions, every renderer: clients, OpenAPI, fixtures), against
 * merely reading every input file and `JSON.parse`-ing the JSON ones.
 *
 * Each side runs in a fresh Node process, as a user's command would, and is
 * timed from inside it, so that Node's start-up counts for neither. The
 * pipeline runs twice per run: with an empty format cache (a first run, or
 * after the generator changed) and then with the cache that run filled.
 */
import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertSucceeded, megabytes, msSince, RowCollector, runNode, type Figure } from "../harness.js";
import { committedSources, missingSources, sourceLocation } from "../workspace.js";

export interface ReadInputs {
  ms: number;
  files: number;
  bytes: number;
}

export interface ScrapeAndRender {
  /** Loading the generator's modules: reported, not counted. */
  loadMs: number;
  scrapeMs: number;
  renderMs: number;
  specs: number;
  files: number;
  errors: number;
}

/** The baseline: every file of every source read as text, the JSON ones parsed. */
export async function readInputs(repo: string, sources: readonly string[]): Promise<ReadInputs> {
  const start = process.hrtime.bigint();
  const files = (await Promise.all(sources.map((source) => filesUnder(sourceLocation(repo, source))))).flat();
  const sizes = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, "utf8");
      if (file.endsWith(".json")) JSON.parse(text);
      return text.length;
    }),
  );
  return { ms: msSince(start), files: files.length, bytes: sizes.reduce((a, b) => a + b, 0) };
}

async function filesUnder(location: string): Promise<string[]> {
  if (!(await stat(location)).isDirectory()) return [location];
  const entries = await readdir(location, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** What `scrape` and `generate` do, in memory: every source read, every renderer run. */
export async function scrapeAndRender(sources: readonly string[]): Promise<ScrapeAndRender> {
  const start = process.hrtime.bigint();
  const [{ collectSpecs }, { renderAll }, { parseSourceOperand }] = await Promise.all([
    import("../../generator/scrape.js"),
    import("../../generator/generate.js"),
    import("../../generator/sources/source-operand.js"),
    // Loaded by the scrape when a source needs them; loaded here so that loading stays out of the scrape's time.
    import("../../generator/sources/slate/reader.js"),
    import("../../generator/sources/portal-page/reader.js"),
  ]);
  const loadMs = msSince(start);
  const scrapeStart = process.hrtime.bigint();
  const scraped = await collectSpecs({ from: sources.map(parseSourceOperand), versions: { kind: "latest" } });
  const scrapeMs = msSince(scrapeStart);
  const renderStart = process.hrtime.bigint();
  const rendered = await renderAll(scraped.specs);
  const renderMs = msSince(renderStart);
  const errors = [...scraped.diagnostics, ...rendered.diagnostics].filter((d) => d.severity === "error").length;
  return { loadMs, scrapeMs, renderMs, specs: scraped.specs.length, files: rendered.files.length, errors };
}

/** The tasks `bench/child.ts` runs in a child process: JSON in, JSON out, run with the repository as working directory. */
export const pipelineTasks = {
  "read-inputs": (sources: string[]) => readInputs(process.cwd(), sources),
  "scrape-render": (sources: string[]) => scrapeAndRender(sources),
};

const CHILD = fileURLToPath(new URL("../child.js", import.meta.url));

async function inChild<T>(repo: string, task: keyof typeof pipelineTasks, sources: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<T> {
  const run = assertSucceeded(await runNode([CHILD, task, JSON.stringify(sources)], { cwd: repo, env }), `the ${task} task`);
  return JSON.parse(run.stdout) as T;
}

export const pipelineFigure: Figure = {
  id: "1",
  title: "scrape + render of the whole corpus",
  async run({ workspace, runs, log }) {
    const sources = committedSources(workspace.repo);
    const method =
      `The sources of the committed spec (\`pco-codegen.sources.json\`: ${sources.map((s) => `\`${s}\``).join(", ")}) ` +
      "read into specs (latest versions) and rendered by every renderer (clients, OpenAPI, fixtures, index) in memory, " +
      "against reading every file of those sources and `JSON.parse`-ing the JSON ones. Each side runs in a fresh process " +
      "and is timed from inside it, the generator's module loading apart (shown, not counted). The pipeline runs once with " +
      "an empty format cache (a first run, or after the generator changed: prettier is loaded and formats every TypeScript and " +
      "markdown file), then again with the cache that run filled.";
    const absent = missingSources(workspace.repo, sources);
    if (absent.length > 0) return { id: this.id, title: this.title, method, rows: [], skipped: `no documentation at ${absent.join(", ")}` };

    const rows = new RowCollector();
    let shape = "";
    for (let run = 0; run < runs; run++) {
      const cache = await mkdtemp(path.join(workspace.dir, "format-cache-empty-"));
      const baseline = await inChild<ReadInputs>(workspace.repo, "read-inputs", sources);
      const cold = await inChild<ScrapeAndRender>(workspace.repo, "scrape-render", sources, { PCO_CODEGEN_CACHE: cache });
      const warm = await inChild<ScrapeAndRender>(workspace.repo, "scrape-render", sources, { PCO_CODEGEN_CACHE: cache });
      if (cold.errors + warm.errors > 0) throw new Error(`the corpus scrape reported ${cold.errors + warm.errors} errors`);
      shape = `${baseline.files} input files (${megabytes(baseline.bytes).toFixed(1)} MB of text) → ${warm.specs} specs → ${warm.files} files`;
      rows.add("empty format cache: scrape + render ÷ read + parse", "×", (cold.scrapeMs + cold.renderMs) / baseline.ms, { compare: "at most", value: 10 });
      rows.add("warm format cache: scrape + render ÷ read + parse", "×", (warm.scrapeMs + warm.renderMs) / baseline.ms, { compare: "at most", value: 10 });
      rows.add("read + parse every input file", "ms", baseline.ms);
      rows.add("scrape (read, normalize, validate)", "ms", warm.scrapeMs);
      rows.add("render, empty format cache", "ms", cold.renderMs);
      rows.add("render, warm format cache", "ms", warm.renderMs);
      rows.add("loading the generator's modules (not counted)", "ms", warm.loadMs);
      log(`  run ${run + 1}: ${Math.round(cold.scrapeMs + cold.renderMs)} / ${Math.round(warm.scrapeMs + warm.renderMs)} ms vs ${baseline.ms.toFixed(1)} ms`);
    }
    return { id: this.id, title: this.title, method: `${method} ${shape}.`, rows: rows.result() };
  },
};

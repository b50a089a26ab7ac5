/**
 * The compiled Slate worker on the real corpus: the built command line, run
 * as a process, reads the benchmark's sources with the Slate markdown in a
 * worker thread, and writes the very specs (and prints the very diagnostics)
 * that reading every source on the main thread gives. Under vitest the
 * generator runs from its TypeScript sources, where there is no worker
 * script: that is the main-thread reading compared against.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listFiles } from "../../generator/emit.js";
import { readSource } from "../../generator/sources/read-source.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { startSlateWorker } from "../../generator/sources/slate/worker-reads.js";
import { runCli } from "../helpers/cli.js";
import { corpusPath, describeCorpus, REPO_ROOT } from "../helpers/corpus.js";
import { withProcess } from "../helpers/process.js";

const FROM = [
  `portal:${corpusPath("portal", "captured-2022-12")}`,
  `portal:${corpusPath("portal", "captured-2025-07")}`,
  `portal:${corpusPath("portal", "damaged-2025-07")}`,
  `openapi:${corpusPath("openapi", "official-2026-07")}`,
  `slate:${corpusPath("slate", "2018-03-15", "source")}`,
];
const COMPILED_WORKER = pathToFileURL(path.join(REPO_ROOT, "dist", "generator", "sources", "slate", "read-worker.js"));
/** Loaded before the CLI: says on stderr each time a worker thread starts. */
const WORKER_WITNESS = 'data:text/javascript,process.on("worker", () => process.stderr.write("[worker started]\\n"))';

let scratch: string;
const folder = (name: string) => path.join(scratch, name);

async function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  return withProcess(command, args, { cwd: REPO_ROOT, env }, async (running) => {
    const { code } = await running.exited;
    return { code, stderr: running.stderr() };
  });
}

const filesOf = async (root: string) =>
  Object.fromEntries((await listFiles(root)).sort().map((file) => [file, readFileSync(path.join(root, file), "utf8")]));

describeCorpus("the Slate worker on the corpus", () => {
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), "pco-slate-worker-"));
    const build = await run(process.execPath, ["bin/run-built.js", "--build-only"]);
    expect(build, build.stderr).toMatchObject({ code: 0 });
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("reads a Slate source as the main thread does: drafts, diagnostics and what it detected", async () => {
    const source = parseSourceOperand(FROM[4]!);
    const previous = process.env.PCO_CODEGEN_CACHE;
    try {
      // Each side parses afresh: a worker takes the environment as it is when it starts.
      process.env.PCO_CODEGEN_CACHE = folder("worker-cache");
      const worker = startSlateWorker([source], { versions: { kind: "latest" } }, COMPILED_WORKER);
      let offThread;
      try {
        offThread = await worker.reads[0];
      } finally {
        await worker.stop();
      }
      process.env.PCO_CODEGEN_CACHE = folder("thread-cache");
      expect(offThread).toEqual(await readSource(source, { versions: { kind: "latest" } }));
    } finally {
      if (previous === undefined) delete process.env.PCO_CODEGEN_CACHE;
      else process.env.PCO_CODEGEN_CACHE = previous;
    }
  });

  it("writes, as a process, the specs and diagnostics of the main-thread reading", async () => {
    const scrape = (out: string) => ["scrape", "--from", ...FROM, "--out", out];
    const built = await run(process.execPath, ["--import", WORKER_WITNESS, "bin/pco-codegen.js", ...scrape(folder("worker-spec"))], {
      ...process.env,
      PCO_CODEGEN_CACHE: folder("process-cache"),
    });
    const inThread = await runCli(scrape(folder("thread-spec")));

    expect(built.stderr.split("\n").filter((line) => line === "[worker started]")).toHaveLength(1);
    expect(built.code).toBe(inThread.code);
    const printed = built.stderr
      .split("\n")
      .filter((line) => line !== "[worker started]" && line !== "")
      .join("\n");
    expect(printed.replace(folder("worker-spec"), "<out>")).toBe(inThread.stderr.replace(folder("thread-spec"), "<out>"));
    const written = await filesOf(folder("worker-spec"));
    expect(Object.keys(written).length).toBeGreaterThan(1);
    expect(written).toEqual(await filesOf(folder("thread-spec")));
  });
});

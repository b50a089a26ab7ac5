/**
 * The files the generator keeps for itself (its caches, the records of the
 * last generate, the lock and the journal beside an output folder) are read
 * only where each is a regular file within its cap. Anything else under such
 * a name is a miss, worked out again: a FIFO (a read of one waits for ever for
 * a writer) or a file of a terabyte costs a run the time the file would have
 * saved, never a hang or the machine's memory. A lock that is not a regular
 * file is no writer's: the run says so at once rather than wait for it.
 *
 * The FIFO cases run the CLI as a process: a read that blocked on one would
 * hang this test's own thread, past any timeout.
 */
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../generator/emit.js";
import { lockPath } from "../../generator/emit/output-lock.js";
import { swapFolders } from "../../generator/emit/swap-in.js";
import { MAX_CACHE_FILE_BYTES, readOwnFile } from "../../generator/util/read-capped.js";
import { describeCorpus, DOCS_DIR, REPO_ROOT } from "../helpers/corpus.js";
import { cpuMs } from "../helpers/cpu-time.js";
import { startDocsServer } from "../helpers/docs-server.js";
import { fifo, scratchFolder, sparseFile } from "../helpers/scratch.js";
import { runCliProcess } from "../helpers/cli-process.js";
import { treeTexts } from "../helpers/tree-snapshot.js";

/** Far longer than any of these commands takes; a read that waited on a FIFO would wait for ever. Below each test's timeout. */
const DEADLINE_MS = 50_000;

const { work, folder } = scratchFolder("pco-own-files-");

/** The two webhooks specs (the smallest app), in a spec folder of their own. */
function webhooksSpecs(): string {
  const specs = folder("spec");
  cpSync(path.join(REPO_ROOT, "spec", "webhooks"), path.join(specs, "webhooks"), { recursive: true });
  return specs;
}

const generate = (specs: string, out: string, cache: string) =>
  runCliProcess(["generate", "--spec", specs, "--out", out], {
    cwd: work,
    env: { ...process.env, PCO_CODEGEN_CACHE: cache },
    deadlineMs: DEADLINE_MS,
  });

describe("readOwnFile", () => {
  it("gives a regular file's bytes, and a miss for what is missing, not a regular file or over its cap", () => {
    const dir = folder("own");
    const file = path.join(dir, "entry");
    writeFileSync(file, "cached");
    expect(readOwnFile(file)?.toString("utf8")).toBe("cached");
    expect(readOwnFile(file, 5)).toBeUndefined();
    expect(readOwnFile(path.join(dir, "absent"))).toBeUndefined();
    expect(readOwnFile(dir)).toBeUndefined();
    expect(readOwnFile("/dev/zero")).toBeUndefined();
    const pipe = path.join(dir, "pipe");
    fifo(pipe);
    expect(readOwnFile(pipe)).toBeUndefined();
  });

  it("misses a file of a terabyte, and one just over the cap, by their size, without reading them", () => {
    const dir = folder("sparse");
    const huge = path.join(dir, "huge");
    const over = path.join(dir, "over");
    sparseFile(huge, 2 ** 40);
    sparseFile(over, MAX_CACHE_FILE_BYTES + 1);
    let read: (Buffer | undefined)[] = [];
    const ms = cpuMs(() => {
      read = [readOwnFile(huge), readOwnFile(over)];
    });
    expect(read).toEqual([undefined, undefined]);
    // Reading the 256 MiB file would take seconds of CPU; refusing it by its size takes none.
    expect(ms).toBeLessThan(1000);
  });

  it("holds the cap docs/security.md states", () => {
    const page = readFileSync(path.join(REPO_ROOT, "docs", "security.md"), "utf8");
    expect(page).toContain(`at most 256 MiB (${MAX_CACHE_FILE_BYTES} bytes)`);
    expect(MAX_CACHE_FILE_BYTES).toBe(256 * 1024 * 1024);
  });
});

describeCorpus("scrape over HTTP, with its cache's entries replaced by FIFOs", () => {
  it("takes each entry for a miss and fetches the document afresh, with the same specs", async () => {
    const server = await startDocsServer({ folder: path.join(DOCS_DIR, "portal", "captured-2022-12") });
    try {
      const cache = folder("http-cache");
      const scrape = (out: string) =>
        runCliProcess(["scrape", "--from", `portal:${server.url}`, "--app", "webhooks", "--cache-dir", cache, "--out", out], {
          cwd: work,
          deadlineMs: DEADLINE_MS,
        });
      const first = path.join(folder("scraped"), "spec");
      expect((await scrape(first)).code).toBe(0);
      const entries = readdirSync(cache);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) fifo(path.join(cache, entry));
      const fetchedBefore = server.count(200);

      const second = path.join(folder("rescraped"), "spec");
      const run = await scrape(second);

      expect(run.code).toBe(0);
      // Nothing to revalidate: every document came back whole.
      expect(server.count(200) - fetchedBefore).toBe(entries.length);
      expect(await treeTexts(second)).toEqual(await treeTexts(first));
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe("generate, with its own files replaced by what is not a regular file", () => {
  it("misses every cache file and record that is a FIFO, renders again, and leaves the output as it was", async () => {
    const specs = webhooksSpecs();
    const cache = folder("cache");
    const out = path.join(folder("out"), "generated");
    const first = await generate(specs, out, cache);
    expect(first.code).toBe(0);
    const before = await treeTexts(out);
    const cacheFiles = (await listFiles(cache)).filter((file) => lstatSync(path.join(cache, file)).isFile());
    // The records of the last generate, the store of rendered units, the prettier cache and the validators' code.
    expect(cacheFiles.some((file) => file.startsWith("generate/") && file.endsWith(".units.json"))).toBe(true);
    expect(cacheFiles.some((file) => file.startsWith("units/"))).toBe(true);
    for (const file of cacheFiles) fifo(path.join(cache, file));

    const again = await generate(specs, out, cache);

    expect(again.stderr).toMatch(/files in .*generated, unchanged$/m);
    expect(again.code).toBe(0);
    expect(await treeTexts(out)).toEqual(before);
  }, 120_000);

  it("refuses at once an output lock that is a FIFO, in one line, exit 2, and writes nothing", async () => {
    const out = path.join(folder("locked"), "generated");
    fifo(lockPath(out));

    const run = await generate(webhooksSpecs(), out, folder("lock-cache"));

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot write .*generated: its lock .*generated\.lock is not a regular file; remove it$/m);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("puts back the tree of a killed swap whose journal is a FIFO, then generates into it", async () => {
    const specs = webhooksSpecs();
    const cache = folder("swap-cache");
    const out = path.join(folder("swapped"), "generated");
    expect((await generate(specs, out, cache)).code).toBe(0);
    const before = await treeTexts(out);
    // A run killed in its swap: the output moved aside, a staged tree beside it, and its journal, here a FIFO.
    const killed = swapFolders(out, 999999);
    cpSync(out, killed.staging, { recursive: true });
    renameSync(out, killed.previous);
    fifo(killed.journal);

    const run = await generate(specs, out, cache);

    expect(run.code).toBe(0);
    expect(await treeTexts(out)).toEqual(before);
    expect(readdirSync(path.dirname(out))).toEqual(["generated"]);
  }, 120_000);
});

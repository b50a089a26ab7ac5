/**
 * `scrape` and `generate` build the new tree in a staging folder and swap it
 * in with two renames. Killed with SIGKILL while the staging folder is being
 * written (a real process, killed the moment its staging folder appears, and
 * held before its swap begins so that a fast run cannot finish first), the
 * previous spec/ or generated/ is left byte for byte as it was; the next run
 * clears the leftover and writes the whole new tree. A write that fails half
 * way leaves the previous tree too.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTree, type OutputFile } from "../../generator/emit.js";
import { generatedTreePlan, renderAll } from "../../generator/generate.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { corpusPath, describeCorpus, REPO_ROOT } from "../helpers/corpus.js";
import { stopProcess } from "../helpers/process.js";
import { bundledCli, runCliProcess, startCli, type ProcessRun } from "../helpers/cli-process.js";
import { treeDigests } from "../helpers/tree-snapshot.js";

const HOSTILE = path.join(REPO_ROOT, "test/fixtures/hostile");
const HOLD_BEFORE_SWAP = pathToFileURL(path.join(REPO_ROOT, "test/reliability/hold-before-swap.mjs")).href;
const work = mkdtempSync(path.join(tmpdir(), "pco-atomic-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => bundledCli());

const digests = (files: readonly OutputFile[]) =>
  Object.fromEntries(files.map((f) => [f.path, createHash("sha256").update(f.contents).digest("hex")]));

/**
 * Runs the CLI and kills it with SIGKILL the moment it creates the staging
 * folder of `root`, which it does only to write the new tree; then checks it
 * died part way (its staging folder left behind) and `root` is as it was.
 */
async function expectKilledWhileWriting(args: readonly string[], root: string, previous: Record<string, string>): Promise<void> {
  const { run, staging } = await killedWhileWriting(args, root);
  expect(run.signal).toBe("SIGKILL");
  expect(staging).toBeDefined();
  expect(existsSync(staging!)).toBe(true);
  expect(await treeDigests(root)).toEqual(previous);
}

async function killedWhileWriting(args: readonly string[], root: string): Promise<{ run: ProcessRun; staging: string | undefined }> {
  const parent = path.dirname(root);
  let staging: string | undefined;
  // Held before its swap begins: killed the moment its staging folder appears, it is always killed part way.
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${HOLD_BEFORE_SWAP}`.trim() };
  const { running, finished } = await startCli(args, { cwd: REPO_ROOT, env });
  const watcher = watch(parent, (_event, name) => {
    if (staging === undefined && name === `${path.basename(root)}.staging-${running.child.pid}`) {
      staging = path.join(parent, name);
      running.child.kill("SIGKILL");
    }
  });
  try {
    return { run: await finished, staging };
  } finally {
    watcher.close();
    await stopProcess(running);
  }
}

describe("generate, killed while writing", () => {
  const parent = path.join(work, "generate");
  const root = path.join(parent, "generated");
  let previous: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(parent, { recursive: true });
    // The previous tree: one app's output, and a file generate does not own.
    const specs = (await loadSpecs(HOSTILE)).value.filter((s) => s.app === "constructor");
    await writeTree(generatedTreePlan(root, (await renderAll(specs)).files));
    mkdirSync(path.join(root, "changelog"));
    writeFileSync(path.join(root, "changelog/kept.md"), "not generate's\n");
    previous = await treeDigests(root);
  });

  it("leaves the previous generated/ as it was", async () => {
    await expectKilledWhileWriting(["generate", "--spec", HOSTILE, "--out", root], root, previous);
  });

  it("and the next run clears the leftover and writes the whole new tree", async () => {
    const run = await runCliProcess(["generate", "--spec", HOSTILE, "--out", root], { cwd: REPO_ROOT });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(["generated"]);
    const expected = digests((await renderAll((await loadSpecs(HOSTILE)).value)).files);
    expect(await treeDigests(root)).toEqual({ ...expected, "changelog/kept.md": previous["changelog/kept.md"] });
  });
});

describeCorpus("scrape, killed while writing", () => {
  const parent = path.join(work, "scrape");
  const root = path.join(parent, "spec");
  const args = ["scrape", "--from", `portal:${corpusPath("portal", "captured-2022-12")}`, "--versions", "all", "--out", root];
  let previous: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(parent, { recursive: true });
    // The previous tree: a copy of the committed spec/.
    cpSync(path.join(REPO_ROOT, "spec"), root, { recursive: true });
    previous = await treeDigests(root);
  });

  it("leaves the previous spec/ as it was", async () => {
    await expectKilledWhileWriting(args, root, previous);
  });

  it("and the next run clears the leftover and writes the new specs", async () => {
    const run = await runCliProcess(args, { cwd: REPO_ROOT });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(["spec"]);
    const written = await treeDigests(root);
    expect(written).not.toEqual(previous);
    // The capture's seven app-versions, each a whole, valid spec.
    const loaded = await loadSpecs(root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value.filter((s) => s.source.location.endsWith("captured-2022-12")).map((s) => `${s.app}/${s.version}`)).toEqual([
      "calendar/2021-07-20",
      "check-ins/2019-07-17",
      "giving/2019-10-18",
      "groups/2018-08-01",
      "people/2022-07-14",
      "services/2018-11-01",
      "webhooks/2018-08-01",
    ]);
  });
});

describe("a write that fails half way", () => {
  it("leaves the previous tree, and no staging folder", async () => {
    const parent = path.join(work, "half-way");
    const root = path.join(parent, "out");
    mkdirSync(path.join(root, "a"), { recursive: true });
    writeFileSync(path.join(root, "a/one.json"), "1");
    // The second file needs the first to be a folder: the write fails after the first is staged.
    const files = [
      { path: "a/zero.json", contents: "0" },
      { path: "a/zero.json/two.json", contents: "2" },
    ];
    await expect(writeTree({ root, files, owns: () => true })).rejects.toThrow();
    expect(await treeDigests(root)).toEqual({ "a/one.json": createHash("sha256").update("1").digest("hex") });
    expect(readdirSync(parent)).toEqual(["out"]);
  });
});

/**
 * Folders that exist yet take no new entry. Under /proc, mkdir answers ENOENT
 * while the parent is there, and Node's recursive mkdir tries again for ever:
 * `generate --out /proc/self/x/y` hung at full CPU, and so did a cache or an
 * HTTP cache there. An output folder that cannot be made is now one line and
 * exit 2; a cache that cannot be made only costs the run its hits. A file in
 * place of a cache's folder was an internal error for the HTTP cache.
 *
 * The CLI runs as a process with a deadline: a loop in a synchronous mkdir
 * would hang this test's own thread, past any timeout.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeFolders } from "../../generator/util/make-folders.js";
import { describeCorpus, DOCS_DIR, REPO_ROOT } from "../helpers/corpus.js";
import { runCliProcess } from "../helpers/cli-process.js";
import { startDocsServer } from "../helpers/docs-server.js";
import { scratchFolder } from "../helpers/scratch.js";

/** Far longer than any of these runs takes; below each test's timeout. */
const DEADLINE_MS = 50_000;
/** A folder of procfs, which exists and takes no new entry. */
const PROC = "/proc/self";

const { work, folder } = scratchFolder("pco-unmakeable-");

function webhooksSpecs(): string {
  const specs = folder("spec");
  cpSync(path.join(REPO_ROOT, "spec", "webhooks"), path.join(specs, "webhooks"), { recursive: true });
  return specs;
}

describe("makeFolders", () => {
  it("makes every missing folder of a path, and takes one already there", () => {
    const deep = path.join(folder("deep"), "a", "b", "c");
    makeFolders(deep);
    makeFolders(deep);
    expect(existsSync(deep)).toBe(true);
  });

  it("throws ENOENT, once, for a folder under one that takes no new entry", () => {
    expect(() => makeFolders(path.join(PROC, "pco-codegen", "inner"))).toThrow(expect.objectContaining({ code: "ENOENT" }));
  });

  it("throws for a file standing where a folder should be", () => {
    const file = path.join(folder("file"), "taken");
    writeFileSync(file, "");
    expect(() => makeFolders(path.join(file, "inner"))).toThrow(expect.objectContaining({ code: "ENOTDIR" }));
    expect(() => makeFolders(file)).toThrow(expect.objectContaining({ code: "EEXIST" }));
  });
});

describe("the CLI, given folders that take no new entry", () => {
  it("generate into an output folder under /proc: exit 2 in one line, nothing written", async () => {
    const out = path.join(PROC, "pco-codegen", "generated");
    const run = await runCliProcess(["generate", "--spec", webhooksSpecs(), "--out", out], {
      cwd: work,
      env: { ...process.env, PCO_CODEGEN_CACHE: folder("cache") },
      deadlineMs: DEADLINE_MS,
    });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^error: cannot write \S*proc\/self\/pco-codegen\/generated: a folder on the path is missing and cannot be made \(ENOENT at \S*proc\/self\/pco-codegen\); nothing was changed$/,
    );
  });

  it("generate with its cache under /proc: renders everything, as with no cache", async () => {
    const specs = webhooksSpecs();
    const withCache = folder("with-cache");
    const run = await runCliProcess(["generate", "--spec", specs, "--out", path.join(withCache, "generated")], {
      cwd: work,
      env: { ...process.env, PCO_CODEGEN_CACHE: path.join(PROC, "pco-codegen", "cache") },
      deadlineMs: DEADLINE_MS,
    });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/files in \S+: (\d+) new, 0 changed, 0 removed/);
    expect(readdirSync(path.join(withCache, "generated")).sort()).toEqual(["README.md", "clients", "fixtures", "openapi"]);
  });
});

describeCorpus("a scrape over HTTP whose cache folder cannot be made", () => {
  it.each([
    ["under /proc", () => path.join(PROC, "pco-codegen", "http")],
    [
      "under a file",
      () => {
        const file = path.join(folder("file-cache"), "taken");
        writeFileSync(file, "");
        return path.join(file, "http");
      },
    ],
  ])("%s: fetches every document and writes the spec, exit 0", async (_name, cacheDir) => {
    const capture = path.join(DOCS_DIR, "portal", "captured-2022-12");
    const latest = readdirSync(path.join(capture, "webhooks", "v2", "documentation"))
      .sort()
      .at(-1);
    const server = await startDocsServer({ folder: capture });
    try {
      const out = folder("spec-out");
      mkdirSync(out, { recursive: true });
      const run = await runCliProcess(
        ["scrape", "--from", `portal:${server.url}`, "--app", "webhooks", "--out", out, "--cache-dir", cacheDir(), "--retries", "0"],
        { cwd: work, deadlineMs: DEADLINE_MS },
      );
      expect(run.signal).toBeNull();
      expect(run.code, run.stderr).toBe(0);
      expect(readdirSync(path.join(out, "webhooks"))).toEqual([`${latest}.json`]);
      expect(server.count(304)).toBe(0);
    } finally {
      await server.close();
    }
  });
});

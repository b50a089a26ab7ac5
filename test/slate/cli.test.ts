/**
 * `pco-codegen scrape --from slate:...` and `--from portal-page:...` end to
 * end: what is detected is said on stderr, one line per source, and the spec
 * is written as `<app>/legacy.json`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { FIXTURES } from "./read.js";

describe("scrape from Slate docs and portal pages", () => {
  const folders: string[] = [];
  const temporary = () => {
    const folder = mkdtempSync(path.join(tmpdir(), "pco-slate-"));
    folders.push(folder);
    return folder;
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("says what it detected and writes <app>/legacy.json", async () => {
    const out = temporary();
    const run = await runCli(["scrape", "--from", `slate:${FIXTURES}/site/page.txt`, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe(
      `slate:${FIXTURES}/site/page.txt: a Slate page saved as text, ${FIXTURES}/site/page.txt; 1 app (widgets)`,
    );
    const spec = JSON.parse(readFileSync(path.join(out, "widgets", "legacy.json"), "utf8")) as { version: string; source: unknown };
    expect(spec.version).toBe("legacy");
    expect(spec.source).toEqual({ format: "slate-text", location: `${FIXTURES}/site/page.txt` });
  });

  it("exits 1 and writes no spec of an app whose docs have errors", async () => {
    const out = temporary();
    const run = await runCli(["scrape", "--from", `slate:${FIXTURES}/rules/missing-include`, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${FIXTURES}/rules/missing-include/index.md:1: error SLATE_MISSING_INCLUDE:`);
  });

  it("exits 2 when a portal page is given as Slate docs, naming the reader to use", async () => {
    const page = "test/portal-page/pages/event.txt";
    const run = await runCli(["scrape", "--from", `slate:${page}`, "--out", temporary()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${page} is a developer-portal resource page saved as text; read it with --from portal-page:${page}`);
  });

  it("exits 2 when Slate docs are given as a portal page, saying what they are", async () => {
    const page = `${FIXTURES}/site/page.txt`;
    const run = await runCli(["scrape", "--from", `portal-page:${page}`, "--out", temporary()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: ${page} is not a developer-portal resource page saved as text or markdown (it is a Slate page saved as text)`,
    );
  });

  it("exits 2 when a file is no documentation at all", async () => {
    const run = await runCli(["scrape", "--from", "slate:package.json", "--out", temporary()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: package.json is not Slate documentation (neither its markdown, its built page nor the page as text)");
  });
});

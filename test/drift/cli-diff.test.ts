/** `pco-codegen diff` on spec files and folders: output, exit codes, bad input. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { sampleAfter, sampleBefore } from "./sample.js";
import { writeSpecFolder } from "./spec-builder.js";

describe("pco-codegen diff", () => {
  let root: string;
  const at = (...parts: string[]) => path.join(root, ...parts);

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "pco-diff-"));
    writeSpecFolder(at("a"), sampleBefore);
    writeSpecFolder(at("b"), sampleAfter);
    // Only additive changes between these two.
    writeSpecFolder(at("additive"), [sampleBefore[0]!]);
    writeSpecFolder(at("additive-b"), [
      {
        ...sampleBefore[0]!,
        resources: [...sampleBefore[0]!.resources, { ...sampleBefore[0]!.resources[0]!, type: "Zebra", id: "zebra" }],
      },
    ]);
    mkdirSync(at("broken", "people"), { recursive: true });
    writeFileSync(at("broken", "people", "2025-03-20.json"), '{ "app": "people", ');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("compares two folders and exits 1 on changes, printing the changelog on stdout", async () => {
    const run = await runCli(["diff", at("a"), at("b")]);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[0]).toMatch(/^Changes from .*a to .*b: 7 breaking, 7 additive$/);
    expect(run.stdout).toContain("! resource AnniversaryCouples removed");
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("exits 0 when nothing changed", async () => {
    const run = await runCli(["diff", at("a"), at("a")]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      expect.stringMatching(/: no changes$/),
      "",
      "people 2025-03-20: no changes",
      "",
      "webhooks 2022-10-20: no changes",
    ]);
  });

  it("--fail-on breaking exits 0 on additive changes and 1 on breaking ones; --fail-on none always 0", async () => {
    expect((await runCli(["diff", at("additive"), at("additive-b"), "--fail-on", "breaking"])).code).toBe(0);
    expect((await runCli(["diff", at("additive"), at("additive-b")])).code).toBe(1);
    expect((await runCli(["diff", at("a"), at("b"), "--fail-on", "breaking"])).code).toBe(1);
    expect((await runCli(["diff", at("a"), at("b"), "--fail-on", "none"])).code).toBe(0);
  });

  it("compares two spec files directly, whatever their versions", async () => {
    const run = await runCli(["diff", at("a", "webhooks", "2022-10-20.json"), at("b", "webhooks", "2026-01-01.json"), "--format", "json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { apps: { before: string; after: string; changes: { subject: string; action: string }[] }[] };
    expect(json.apps.map((a) => `${a.before}→${a.after}`)).toEqual(["2022-10-20→2026-01-01"]);
    expect(json.apps[0]!.changes.map((c) => `${c.subject} ${c.action}`)).toEqual(["version changed"]);
  });

  it("--app limits the comparison", async () => {
    const run = await runCli(["diff", at("a"), at("b"), "--app", "webhooks", "--format", "json"]);
    const json = JSON.parse(run.stdout) as { apps: { app: string }[] };
    expect(json.apps.map((a) => a.app)).toEqual(["webhooks", "webhooks"]);
  });

  it("--app that neither folder holds exits 2 rather than report no changes; two spec files are compared whatever --app says", async () => {
    const typo = await runCli(["diff", at("a"), at("b"), "--app", "peopel"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("error: nothing to compare: neither side holds a spec of peopel");
    expect(typo.stdout).toBe("");

    const empty = [at("empty-a"), at("empty-b")];
    for (const folder of empty) mkdirSync(folder, { recursive: true });
    const none = await runCli(["diff", ...empty]);
    expect(none.code).toBe(2);
    expect(none.stderr.split("\n").at(-1)).toBe("error: nothing to compare: neither side holds a spec");

    const files = await runCli(["diff", at("a", "webhooks", "2022-10-20.json"), at("b", "webhooks", "2026-01-01.json"), "--app", "people"]);
    expect(files.code).toBe(1);
    expect(files.stdout.split("\n")[0]).toMatch(/^Changes from \S+2022-10-20\.json to \S+2026-01-01\.json: /);
  });

  it("exits 2 naming the file when a spec is not valid JSON", async () => {
    const run = await runCli(["diff", at("broken"), at("a")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/broken\/people\/2025-03-20\.json:1:\d+: error SPEC_INVALID_JSON: /);
  });

  it("exits 2 when a side does not exist", async () => {
    const run = await runCli(["diff", at("nowhere"), at("a")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot read .*nowhere: ENOENT/);
  });

  it("exits 2 when a side is neither a file nor a folder, rather than finding no change in it", async () => {
    const run = await runCli(["diff", "/dev/null", at("a")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: cannot read .*dev\/null: not a file or a folder \(expected a spec file, a folder of specs/);
  });

  it("refuses an unknown format", async () => {
    const run = await runCli(["diff", at("a"), at("b"), "--format", "html"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Invalid values:[\s\S]*format/);
  });
});

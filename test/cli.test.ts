import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

describe("the command line", () => {
  it("exits 2 with a one-line usage error for an unknown option", async () => {
    const run = await runCli(["scrape", "--frmo", "x"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: Unknown argument: frmo/);
  });

  it("exits 2 for a source of an unknown kind", async () => {
    const run = await runCli(["scrape", "--from", "nonsense:/x", "--out", "/tmp/never"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: --from "nonsense:/x" is not <kind>:<folder|file|url>, with kind one of portal, slate, portal-page, openapi');
  });

  it("exits 2 when a portal folder holds no documentation", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "pco-empty-"));
    try {
      const run = await runCli(["scrape", "--from", `portal:${empty}`, "--out", path.join(empty, "out")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error: no documentation found in /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("exits 2 when there are no specs to generate from", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "pco-nospec-"));
    try {
      const run = await runCli(["generate", "--spec", empty, "--out", path.join(empty, "generated")]);
      expect(run.code).toBe(2);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

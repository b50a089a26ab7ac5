/**
 * A source that yields no spec is an error: `scrape` exits 1 and says what
 * the files were instead, rather than reporting "0 specs" and exiting 0.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

it("exits 1 on a folder of markdown notes that are no resource pages, counting what it found", async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "pco-nothing-"));
  try {
    mkdirSync(path.join(folder, "notes", "more"), { recursive: true });
    const note = "# Meeting notes\n\n```\nsome code\n```\n\nNothing about an API.\n";
    writeFileSync(path.join(folder, "notes", "a.md"), note);
    writeFileSync(path.join(folder, "notes", "more", "b.md"), note);
    writeFileSync(path.join(folder, "notes", "more", "c.txt"), "plain words\n");
    const run = await runCli(["scrape", "--from", `portal-page:${folder}/notes`, "--out", path.join(folder, "out")]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n");
    // Three files, in the sub-folder too; none a page; and each named as skipped.
    expect(lines.filter((l) => l.includes("PAGE_NOT_A_PAGE"))).toHaveLength(3);
    expect(lines.at(-1)).toBe(
      `no spec read: the sources hold no documentation of an app (portal-page:${folder}/notes: 0 developer-portal resource pages () of 3 files (3 not documentation this tool reads))`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

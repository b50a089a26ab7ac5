/**
 * What the CLI prints to the terminal may quote the docs, a server or a path
 * the user gave. Control characters in them (escape sequences, carriage
 * returns, direction overrides) are shown as `\uXXXX`, never obeyed. A reader
 * that stops reading early (`| head`) ends nothing but the printing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { printableLine, printableLines } from "../../generator/util/printable.js";
import { bundledCli, runCliProcess } from "../helpers/cli-process.js";
import { REPO_ROOT } from "../helpers/corpus.js";

const work = mkdtempSync(path.join(tmpdir(), "pco-terminal-output-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Any C0 control but a line feed or a tab, DEL, a C1 control, or a bidirectional mark, embedding, override or isolate. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("printable text", () => {
  it("escapes what a terminal would obey, and leaves the rest of the text as it is", () => {
    const title = "\u001b]0;owned\u0007";
    expect(printableLine(`a${title}b`)).toBe("a\\u001b]0;owned\\u0007b");
    expect(printableLine("one\r\ntwo\tthree")).toBe("one\\u000d\\u000atwo\\u0009three");
    expect(printableLine("\u202eevil\u2069 \u009b2J\u007f")).toBe("\\u202eevil\\u2069 \\u009b2J\\u007f");
    expect(printableLine("Café ✓ — “quoted” 日本")).toBe("Café ✓ — “quoted” 日本");
    expect(printableLines("line one\n\tline two\r")).toBe("line one\n\tline two\\u000d");
  });

  it("keeps a diagnostic on one line, whatever its message and file hold", () => {
    const line = formatDiagnostic({
      severity: "warning",
      code: "PORTAL_MISSING_NAME",
      message: 'the vertex has no name; "x\u001b[2J\nfake.json:1: error" was taken from its id',
      file: "docs/\u202etxt.json",
      line: 3,
    });
    expect(line).toBe(
      'docs/\\u202etxt.json:3: warning PORTAL_MISSING_NAME: the vertex has no name; "x\\u001b[2J\\u000afake.json:1: error" was taken from its id',
    );
    expect(line).not.toMatch(OBEYED);
    expect(line.split("\n")).toHaveLength(1);
  });
});

describe("the CLI's standard error", () => {
  it("shows the escape sequence in a path it quotes instead of sending it to the terminal", async () => {
    const specs = path.join(work, "\u001b[2J\u001b]0;owned\u0007specs");

    const run = await runCliProcess(["generate", "--spec", specs, "--out", path.join(work, "out")], { cwd: work });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("\\u001b[2J\\u001b]0;owned\\u0007specs");
    expect(run.stderr).not.toMatch(OBEYED);
  }, 60_000);
});

describe("the CLI's standard output, read by a reader that stops early", () => {
  it("drops what is left to print, with no stack trace, and exits with the command's own code", async () => {
    const cli = await bundledCli();
    const specs = (version: string) => path.join(REPO_ROOT, "spec", "people", `${version}.json`);
    // The JSON changelog of People's legacy docs against its dated version is some 200 KB; head takes 100 bytes and leaves.
    const script = `"$0" "$1" diff "$2" "$3" --format json --fail-on any 2>"$4" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const stderr = path.join(work, "diff-stderr");
    const status = execFileSync("bash", ["-c", script, process.execPath, cli, specs("legacy"), specs("2025-03-20"), stderr], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    });
    expect(status.toString().trim()).toBe("1");
    expect(readFileSync(stderr, "utf8")).toBe("");
  }, 90_000);
});

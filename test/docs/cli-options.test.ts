/**
 * docs/cli.md's "Every option" holds each command's `--help` as the command
 * line prints it: the CLI (bundled from the sources) is run as a process, off
 * a terminal, with each command's `--help`, and its output must be the block's.
 * A new option, a changed default or a reworded help text fails here until the
 * manual says it too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCliProcess } from "../helpers/cli-process.js";
import { REPO_ROOT } from "../helpers/corpus.js";

const COMMANDS = ["scrape", "generate", "check", "diff", "drift", "mock"];

/** The page's `$ pco-codegen <command> --help` blocks: command → the output under that line. */
function helpBlocks(): Map<string, string> {
  const page = readFileSync(path.join(REPO_ROOT, "docs", "cli.md"), "utf8");
  return new Map([...page.matchAll(/^```text\n\$ pco-codegen (\S+) --help\n([\s\S]*?)\n```$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe("docs/cli.md, every option", () => {
  const blocks = helpBlocks();

  it("has a --help block for every command", () => {
    expect([...blocks.keys()].sort()).toEqual([...COMMANDS].sort());
  });

  it.each(COMMANDS)("%s --help prints what the page shows", async (command) => {
    // Off a terminal (its output is a pipe) the help is 110 columns wide, as the page's blocks are.
    const run = await runCliProcess([command, "--help"], { cwd: REPO_ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd()).toBe(blocks.get(command));
  });
});

/**
 * A folder nested past the longest path the system takes (PATH_MAX, 4096
 * bytes on Linux), inside a spec folder or an output folder. Node's recursive
 * listing gave up whole on it: the specs beside it were "no specs", and an
 * output holding one was listed as empty, so `check` called every file
 * missing. Spec folders are now read two levels deep and no further; an
 * output's unreadable folder is an error naming it (exit 2).
 *
 * The tree is made, and removed, by bash and rm, which step down one folder
 * at a time: a path to its bottom is too long for any single call.
 */
import { execFileSync } from "node:child_process";
import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles } from "../../generator/emit.js";
import { listSpecFiles } from "../../generator/spec/spec-file.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { runCli } from "../helpers/cli.js";
import { scratchFolder } from "../helpers/scratch.js";

/** Levels of 20-character names: 300 of them make a path of 6,300 characters. */
const LEVELS = 300;

const { folder } = scratchFolder("pco-deep-folders-");
const deepTrees: string[] = [];
afterAll(() => {
  for (const tree of deepTrees) execFileSync("rm", ["-rf", tree]);
});

/** `<parent>/junk/aaaa…/aaaa…/…/deepfile`, LEVELS levels deep. */
function deepTree(parent: string): void {
  const top = path.join(parent, "junk");
  deepTrees.push(top);
  execFileSync("bash", [
    "-c",
    `mkdir "$1" && cd "$1" && for i in $(seq ${LEVELS}); do mkdir aaaaaaaaaaaaaaaaaaaa && cd aaaaaaaaaaaaaaaaaaaa || exit 1; done; touch deepfile`,
    "deep-tree",
    top,
  ]);
}

function webhooksSpecs(): string {
  const specs = folder("spec");
  cpSync(path.join(REPO_ROOT, "spec", "webhooks"), path.join(specs, "webhooks"), { recursive: true });
  return specs;
}

describe("a folder nested past the longest path", () => {
  it("beside the specs: they are found, and generate renders them", async () => {
    const specs = webhooksSpecs();
    deepTree(specs);
    expect(listSpecFiles(specs)).toEqual(["webhooks/2022-10-20.json", "webhooks/legacy.json"]);
    const out = path.join(folder("out"), "generated");
    const run = await runCli(["generate", "--spec", specs, "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/files in \S+: \d+ new, 0 changed, 0 removed$/);
  });

  it("in an output folder: listing it names the folder, and check exits 2 instead of calling every file missing", async () => {
    const specs = webhooksSpecs();
    const out = path.join(folder("out"), "generated");
    expect((await runCli(["generate", "--spec", specs, "--out", out])).code).toBe(0);
    deepTree(path.join(out, "clients"));
    // The first folder whose path passes the limit is the one named, by its first three levels.
    const expected = /^cannot list \S*generated: the folder clients\/junk\/a{20}\/… \(\d+ levels deep\) cannot be read \(ENAMETOOLONG\)$/;
    await expect(listFiles(out)).rejects.toThrow(expected);

    const run = await runCli(["check", "--spec", specs, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/levels deep\) cannot be read \(ENAMETOOLONG\)$/);
    expect(run.stderr).not.toMatch(/missing:/);
  });
});

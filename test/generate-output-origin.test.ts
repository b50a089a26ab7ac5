/**
 * `generate` writes only into a folder it wrote, or one that holds nothing
 * where it writes (`generator/generate/output-origin.ts`). It replaces what it
 * owns and removes what it did not render, so pointed at a folder of someone
 * else's (`--out .`, `--out ~`) it would have overwritten a README.md and
 * emptied an `openapi/`.
 */
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath } from "../generator/util/display-path.js";
import { REPO_ROOT } from "./helpers/corpus.js";
import { runCli } from "./helpers/cli.js";
import { scratchFolder } from "./helpers/scratch.js";
import { treeTexts } from "./helpers/tree-snapshot.js";

const scratch = scratchFolder("pco-output-origin-");

/** A spec folder of the committed webhooks specs, the smallest app. */
function webhooksSpecs(folder: string): string {
  const specs = path.join(folder, "spec");
  cpSync(path.join(REPO_ROOT, "spec", "webhooks"), path.join(specs, "webhooks"), { recursive: true });
  return specs;
}

/** Writes each file (path relative to `root`: text), making its folders. */
function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

const REFUSAL = (why: string, count: number) =>
  `error: cannot generate into {out}: ${why}, so the ${count} file(s) it holds in README.md, openapi, fixtures, clients ` +
  "are not generate's, and generate would replace or remove them. Name an empty folder, or one generate wrote";

describe("generate into a folder it did not write", () => {
  it.each([
    [
      "a README.md of someone else's",
      { "README.md": "# My project\n", "openapi/notes.txt": "mine\n", "src/main.ts": "export {};\n" },
      REFUSAL("its README.md is not the index page generate writes", 2),
    ],
    [
      "an openapi/ folder and no README.md",
      { "openapi/petstore.json": "{}\n", "notes.md": "mine\n" },
      REFUSAL("it has no README.md index page", 1),
    ],
  ])("holding %s: exits 2, naming why, and changes nothing", async (_what, files, message) => {
    const folder = scratch.folder("theirs");
    const specs = webhooksSpecs(folder);
    const out = path.join(folder, "out");
    writeFiles(out, files);
    const before = await treeTexts(out);
    const run = await runCli(["generate", "--spec", specs, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(message.replace("{out}", displayPath(out)));
    expect(await treeTexts(out)).toEqual(before);
  });

  it("holding nothing where it writes: writes beside what is there, and keeps it", async () => {
    const folder = scratch.folder("beside");
    const specs = webhooksSpecs(folder);
    const out = path.join(folder, "out");
    writeFiles(out, { "notes.md": "mine\n", "src/main.ts": "export {};\n" });
    const run = await runCli(["generate", "--spec", specs, "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    const after = await treeTexts(out);
    expect(after["notes.md"]).toBe("mine\n");
    expect(after["src/main.ts"]).toBe("export {};\n");
    expect(after["openapi/webhooks-2022-10-20.json"]).toBeDefined();
  });

  it("that it wrote: replaces what it owns, and removes a file it did not render", async () => {
    const folder = scratch.folder("ours");
    const specs = webhooksSpecs(folder);
    const out = path.join(folder, "out");
    expect((await runCli(["generate", "--spec", specs, "--out", out])).code).toBe(0);
    writeFiles(out, { "openapi/stale.json": "{}\n" });
    const run = await runCli(["generate", "--spec", specs, "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/: 0 new, 0 changed, 1 removed$/);
    expect((await treeTexts(out))["openapi/stale.json"]).toBeUndefined();
  });
});

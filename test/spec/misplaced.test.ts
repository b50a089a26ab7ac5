/**
 * A spec's file is `<app>/<version>.json`. One in a file its app and version
 * do not name (a copy under another app's folder) is left out with an error:
 * before, it rendered over the files of the app-version it holds, and a
 * generate reported writing 98 files into a folder that held 83.
 */
import { cpSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { runCli } from "../helpers/cli.js";
import { scratchFolder } from "../helpers/scratch.js";

const { folder } = scratchFolder("pco-misplaced-");

/** webhooks 2022-10-20 in its own file, and a copy of it as people/2025-03-20.json. */
function specsWithACopy(): string {
  const specs = folder("spec");
  mkdirSync(path.join(specs, "people"));
  cpSync(path.join(REPO_ROOT, "spec", "webhooks"), path.join(specs, "webhooks"), { recursive: true });
  cpSync(path.join(REPO_ROOT, "spec", "webhooks", "2022-10-20.json"), path.join(specs, "people", "2025-03-20.json"));
  return specs;
}

const MESSAGE = "error SPEC_MISPLACED: the spec is of webhooks 2022-10-20, whose file is webhooks/2022-10-20.json; it is left out";

describe("a spec in a file its app and version do not name", () => {
  it("is left out of the loaded specs, with an error at its file", async () => {
    const loaded = await loadSpecs(specsWithACopy());
    expect(loaded.value.map((s) => `${s.app}/${s.version}`)).toEqual(["webhooks/2022-10-20", "webhooks/legacy"]);
    expect(loaded.diagnostics.map((d) => [d.severity, d.code, d.file?.endsWith("people/2025-03-20.json")])).toEqual([
      ["error", "SPEC_MISPLACED", true],
    ]);
  });

  it.each(["generate", "check"])("fails %s with exit 1, writing nothing", async (command) => {
    const out = path.join(folder("out"), "generated");
    const run = await runCli([command, "--spec", specsWithACopy(), "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter((line) => line.includes("SPEC_MISPLACED"))).toEqual([
      expect.stringMatching(new RegExp(`people/2025-03-20\\.json: ${MESSAGE}$`)),
    ]);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });
});

/**
 * Figure 2: `pco-codegen generate` when nothing changed, timed as the user
 * waits for it: a child process, spawn to exit, over the up-to-date
 * `generated/` the workspace rendered, with the caches that render filled.
 * Beside it, for reference: the same command without the record of the last
 * generate (it renders everything, with formatting cached, and finds nothing
 * to write), and Node's own start-up.
 */
import { mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { assertSucceeded, RowCollector, runNode, type Figure } from "../harness.js";
import { cliPath } from "../workspace.js";

export const noopGenerateFigure: Figure = {
  id: "2",
  title: "no-op `generate`",
  async run({ workspace, runs, log }) {
    const rows = new RowCollector();
    const args = [cliPath(workspace.repo), "generate", "--spec", path.join(workspace.repo, "spec"), "--out", workspace.generated];
    // The formatting cache without the record of the last generate.
    const noRecord = path.join(workspace.dir, "cache-without-record");
    await mkdir(noRecord);
    await symlink(path.join(workspace.formatCache, "prettier"), path.join(noRecord, "prettier"), "junction");
    const generate = async (cache: string) => {
      const run = assertSucceeded(await runNode(args, { cwd: workspace.repo, env: { PCO_CODEGEN_CACHE: cache } }), "pco-codegen generate");
      if (!/, unchanged$/m.test(run.stderr)) throw new Error(`a generate over an up-to-date folder changed it:\n${run.stderr}`);
      return run;
    };
    for (let run = 0; run < runs; run++) {
      const noop = await generate(workspace.formatCache);
      await rm(path.join(noRecord, "generate"), { recursive: true, force: true });
      const rendered = await generate(noRecord);
      const bare = assertSucceeded(await runNode(["-e", ""], { cwd: workspace.repo }), "node -e");
      rows.add("`node bin/pco-codegen.js generate`, nothing to change", "ms", noop.ms, { compare: "at most", value: 500 });
      rows.add("the same without the record of the last generate (renders, then compares)", "ms", rendered.ms);
      rows.add("`node -e \"\"` (Node's start-up)", "ms", bare.ms);
      log(`  run ${run + 1}: ${Math.round(noop.ms)} ms (${Math.round(rendered.ms)} ms rendering)`);
    }
    return {
      id: this.id,
      title: this.title,
      method:
        "`node bin/pco-codegen.js generate --spec spec --out <copy>` over a `generated/` that the same command had just rendered " +
        "from the committed specs (in a temporary folder, with the caches that render filled), timed from spawn to exit. " +
        "Each run checks that the command reported the folder unchanged. `generate` keeps a record of what it last wrote and from what " +
        "(in its cache, never in the output): with the specs, the generator and the output as they were, it renders nothing.",
      rows: rows.result(),
    };
  },
};

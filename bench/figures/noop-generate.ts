/**
 * Figure 2: `generate` when nothing changed, timed as the user waits for it:
 * a child process, spawn to exit, over the up-to-date `generated/` the
 * workspace rendered, with the caches that render filled. Twice: as the
 * documentation says to run it (`npm run generate`, which first brings the
 * compiled generator up to date), and as the direct command. Beside them, for
 * reference: the direct command without the record of the last generate (it
 * renders everything, with formatting cached, and finds nothing to write), and
 * Node's own start-up, the floor of any command.
 */
import { mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { assertSucceeded, RowCollector, runNode, runProcess, summarize, type ChildRun, type Figure } from "../harness.js";
import { cliPath } from "../workspace.js";

/** `node -e ""` processes per run; their median is the run's floor. */
const STARTUP_SAMPLES = 5;

export const noopGenerateFigure: Figure = {
  id: "2",
  title: "no-op `generate`",
  async run({ workspace, runs, log }) {
    const rows = new RowCollector();
    const options = ["--spec", path.join(workspace.repo, "spec"), "--out", workspace.generated];
    // The formatting cache without the record of the last generate.
    const noRecord = path.join(workspace.dir, "cache-without-record");
    await mkdir(noRecord);
    await symlink(path.join(workspace.formatCache, "prettier"), path.join(noRecord, "prettier"), "junction");
    const unchanged = (run: ChildRun, what: string) => {
      assertSucceeded(run, what);
      if (!/, unchanged$/m.test(run.stderr)) throw new Error(`${what} over an up-to-date folder changed it:\n${run.stderr}`);
      return run;
    };
    const direct = async (cache: string) =>
      unchanged(
        await runNode([cliPath(workspace.repo), "generate", ...options], { cwd: workspace.repo, env: { PCO_CODEGEN_CACHE: cache } }),
        "pco-codegen generate",
      );
    const npm = async () =>
      unchanged(
        await runProcess("npm", ["run", "generate", "--", ...options], {
          cwd: workspace.repo,
          env: { PCO_CODEGEN_CACHE: workspace.formatCache },
        }),
        "npm run generate",
      );
    // The first `npm run generate` may have to compile the generator: that is a build, not a no-op.
    await npm();
    for (let run = 0; run < runs; run++) {
      const documented = await npm();
      const noop = await direct(workspace.formatCache);
      await rm(path.join(noRecord, "generate"), { recursive: true, force: true });
      const rendered = await direct(noRecord);
      const startups: number[] = [];
      for (let i = 0; i < STARTUP_SAMPLES; i++)
        startups.push(assertSucceeded(await runNode(["-e", ""], { cwd: workspace.repo }), "node -e").ms);
      const bare = summarize(startups).median;
      rows.add("`npm run generate`, nothing to change", "ms", documented.ms, { compare: "at most", value: 1000 });
      rows.add('`node bin/pco-codegen.js generate` ÷ `node -e ""`', "×", noop.ms / bare, { compare: "at most", value: 3 });
      rows.add("`node bin/pco-codegen.js generate`, nothing to change", "ms", noop.ms);
      rows.add("the direct command without the record of the last generate (renders, then compares)", "ms", rendered.ms);
      rows.add(`\`node -e ""\` (Node's start-up, median of ${STARTUP_SAMPLES})`, "ms", bare);
      log(
        `  run ${run + 1}: npm ${Math.round(documented.ms)} ms, direct ${Math.round(noop.ms)} ms, node ${Math.round(bare)} ms (${Math.round(rendered.ms)} ms rendering)`,
      );
    }
    return {
      id: this.id,
      title: this.title,
      method:
        "`npm run generate -- --spec spec --out <copy>` (the documented command: it first brings the compiled generator up to " +
        "date, then runs the CLI) and `node bin/pco-codegen.js generate --spec spec --out <copy>`, over a `generated/` that the " +
        "same command had just rendered from the committed specs (in a temporary folder, with the caches that render filled), " +
        "each timed from spawn to exit. Each run checks that the command reported the folder unchanged. `generate` keeps a record " +
        "of what it last wrote and from what (in its cache, never in the output): with the specs, the generator and the output as " +
        "they were, it renders nothing.",
      rows: rows.result(),
    };
  },
};

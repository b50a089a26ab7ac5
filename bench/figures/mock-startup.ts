/**
 * Figure 7: how soon the mock server answers, as a test suite starting it
 * waits for it: `pco-codegen mock --port 0` over the committed specs in a
 * child process, from spawn to the URL it prints when it listens, then
 * stopped with SIGTERM (it must end cleanly, exit 0). Beside it, for
 * reference, Node's own start-up.
 */
import path from "node:path";
import { assertSucceeded, RowCollector, runNode, type Figure } from "../harness.js";
import { cliPath } from "../workspace.js";

const LISTENING = /^http:\/\/127\.0\.0\.1:\d+$/m;

export const mockStartupFigure: Figure = {
  id: "7",
  title: "mock server start-up",
  async run({ workspace, runs, log }) {
    const rows = new RowCollector();
    const args = [cliPath(workspace.repo), "mock", "--port", "0", "--spec", path.join(workspace.repo, "spec")];
    for (let run = 0; run < runs; run++) {
      const mock = assertSucceeded(await runNode(args, { cwd: workspace.repo, readyWhen: LISTENING }), "pco-codegen mock");
      if (mock.readyMs === undefined) throw new Error(`pco-codegen mock ended without printing its URL:\n${mock.stderr}`);
      const bare = assertSucceeded(await runNode(["-e", ""], { cwd: workspace.repo }), "node -e");
      rows.add("`node bin/pco-codegen.js mock --port 0`: spawn to its URL", "ms", mock.readyMs, { compare: "at most", value: 1000 });
      rows.add('`node -e ""` (Node\'s start-up)', "ms", bare.ms);
      log(`  run ${run + 1}: ${Math.round(mock.readyMs)} ms`);
    }
    return {
      id: this.id,
      title: this.title,
      method:
        "`node bin/pco-codegen.js mock --port 0 --spec spec` (every committed spec: their fixtures are built in memory at start-up), " +
        "timed from spawn to the URL it prints once it listens on 127.0.0.1, then stopped with SIGTERM; each run checks that it exits 0.",
      rows: rows.result(),
    };
  },
};

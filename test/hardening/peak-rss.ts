/** The real CLI as a child process, with its peak RSS: a module preloaded into it reports the figure as it exits. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runCliProcess, type ProcessRun } from "../helpers/cli-process.js";

export async function runCliMeasured(args: readonly string[], work: string): Promise<ProcessRun & { lines: string[]; peakRssMb: number }> {
  const reporter = path.join(work, "report-rss.mjs");
  writeFileSync(
    reporter,
    'import { writeSync } from "node:fs";\nprocess.on("exit", () => writeSync(2, `\\nmax-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n',
  );
  const run = await runCliProcess(args, { cwd: work, env: { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(reporter).href}` } });
  const lines = run.stderr.split("\n").filter(Boolean);
  const peak = /^max-rss-kb (\d+)$/.exec(lines.at(-1) ?? "");
  if (peak === null) throw new Error(`the child reported no peak RSS: ${run.stderr.slice(-500)}`);
  lines.pop();
  return { ...run, lines, peakRssMb: Number(peak[1]) / 1024 };
}

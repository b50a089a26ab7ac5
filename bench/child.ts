/**
 * The child process a figure times from inside:
 * `node dist/bench/child.js <task> <JSON argument>` prints the task's result as JSON.
 */
import { pipelineTasks } from "./figures/pipeline.js";

const tasks: Record<string, (argument: never) => Promise<unknown>> = { ...pipelineTasks };

const [name = "", argument = "null"] = process.argv.slice(2);
const task = tasks[name];
if (task === undefined) {
  process.stderr.write(`unknown task "${name}"; tasks: ${Object.keys(tasks).join(", ")}\n`);
  process.exitCode = 2;
} else {
  process.stdout.write(JSON.stringify(await task(JSON.parse(argument) as never)));
}

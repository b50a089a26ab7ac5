/**
 * The fuzz run's worker thread: runs the cases and tells the main thread
 * about each one as it starts and ends, so that a case that never ends can be
 * named and stopped from outside.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runFuzz, type CasePlan, type CaseResult, type FuzzOptions, type FuzzReport } from "./runner.js";

export type WorkerMessage = { started: CasePlan } | { finished: CaseResult } | { report: FuzzReport } | { error: string };

const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const options = workerData as Omit<FuzzOptions, "onStart" | "onCase">;

try {
  const report = await runFuzz({ ...options, onStart: (plan) => post({ started: plan }), onCase: (result) => post({ finished: result }) });
  post({ report });
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error) });
}

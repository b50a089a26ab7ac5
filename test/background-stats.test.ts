/**
 * The stat lines a worker thread takes of an output's files are the lines
 * this thread would take (`statLine`), with none for a file that is not
 * there; a worker stopped early leaves an answer that settles.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { statInBackground } from "../generator/generate/background-stats.js";
import { statLine } from "../generator/generate-record.js";

const root = mkdtempSync(path.join(tmpdir(), "pco-background-stats-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = Array.from({ length: 300 }, (_, i) => `folder-${i % 7}/file-${i}.json`);
for (const [i, file] of files.entries()) {
  mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(root, file), "x".repeat(i));
}

it("gives each file the line statLine gives it, and none to a file that is not there", async () => {
  const background = statInBackground(root, [...files, "folder-0/missing.json"]);
  try {
    const lines = await background.lines;
    expect(lines.size).toBe(files.length + 1);
    for (const file of files) expect(lines.get(file), file).toBe(statLine(root, file));
    expect(lines.has("folder-0/missing.json")).toBe(true);
    expect(lines.get("folder-0/missing.json")).toBeUndefined();
  } finally {
    await background.stop();
  }
});

it("settles its answer when stopped, whether the worker had answered or not", async () => {
  const background = statInBackground(root, files);
  await background.stop();
  const lines = await background.lines;
  expect([0, files.length]).toContain(lines.size);
});

it.each([
  ["fails", 'throw new Error("no stats today");'],
  ["ends without answering", "process.exit(0);"],
  [
    "answers with something else",
    'require("node:worker_threads").parentPort.postMessage({ values: new BigUint64Array(3), missing: new Uint8Array(1) });',
  ],
])("gives no lines where the worker %s, leaving the stats to the caller", async (_, code) => {
  const background = statInBackground(root, files, code);
  try {
    expect((await background.lines).size).toBe(0);
  } finally {
    await background.stop();
  }
});

/**
 * The staging folder's links made on a worker thread (emit/tree-jobs.ts), as
 * the compiled generator makes them: the worker links a tree as the calling
 * thread does, and fails with the file system's error; and `generate`, run as
 * a process from dist/, stages a one-spec change with the worker beside its
 * rendering, writing what an in-process generate (no worker) writes, leaving
 * the unchanged files as they were and nothing beside the output. A spec
 * whose new bytes render the same output is staged, then discarded.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../generator/emit.js";
import { linkTreeAside } from "../generator/emit/tree-jobs.js";
import { serializeSpec } from "../generator/spec/serialize.js";
import type { Spec } from "../generator/spec/types.js";
import { runCli } from "./helpers/cli.js";
import { REPO_ROOT } from "./helpers/corpus.js";
import { withProcess } from "./helpers/process.js";
import { resource, spec } from "./helpers/spec-builder.js";

const COMPILED_WORKER = pathToFileURL(path.join(REPO_ROOT, "dist", "generator", "emit", "tree-job-worker.js"));
/** Loaded before the CLI: says on stderr each time a worker thread starts. */
const WORKER_WITNESS = 'data:text/javascript,process.on("worker", () => process.stderr.write("[worker started]\\n"))';

let scratch: string;
const folder = (name: string) => path.join(scratch, name);

async function run(args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  return withProcess(process.execPath, args, { cwd: REPO_ROOT, env }, async (running) => {
    const { code } = await running.exited;
    return { code, stderr: running.stderr() };
  });
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "pco-link-aside-"));
  const build = await run(["bin/run-built.js", "--build-only"]);
  expect(build, build.stderr).toMatchObject({ code: 0 });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file of a folder: its contents, and its inode. */
async function filesOf(root: string): Promise<{ contents: Record<string, string>; inodes: Record<string, number> }> {
  const files = await listFiles(root);
  return {
    contents: Object.fromEntries(files.map((f) => [f, readFileSync(path.join(root, f), "utf8")])),
    inodes: Object.fromEntries(files.map((f) => [f, statSync(path.join(root, f)).ino])),
  };
}

describe("linkTreeAside on the compiled worker", () => {
  it("links every file of a tree, recreates its symbolic links, and makes its folders", async () => {
    const from = folder("tree");
    mkdirSync(path.join(from, "a", "b"), { recursive: true });
    writeFileSync(path.join(from, "one.json"), "1");
    writeFileSync(path.join(from, "a", "b", "two.json"), "2");
    symlinkSync("one.json", path.join(from, "link.json"));
    mkdirSync(path.join(from, "empty"));
    const to = folder("tree-linked");
    await linkTreeAside({ from, to }, COMPILED_WORKER);
    for (const file of ["one.json", "a/b/two.json"])
      expect(statSync(path.join(to, file)).ino, file).toBe(statSync(path.join(from, file)).ino);
    expect(lstatSync(path.join(to, "link.json")).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(to, "empty"))).toEqual([]);
  });

  it("fails with the file system's error, its code kept", async () => {
    await expect(linkTreeAside({ from: folder("no-such-tree"), to: folder("never") }, COMPILED_WORKER)).rejects.toMatchObject({
      code: "ENOENT",
    });
    const from = folder("tree-twice");
    mkdirSync(from);
    writeFileSync(path.join(from, "one.json"), "1");
    mkdirSync(folder("taken"));
    await expect(linkTreeAside({ from, to: folder("taken") }, COMPILED_WORKER)).rejects.toMatchObject({ code: "EEXIST" });
  });
});

function appSpec(app: string, type: string, description: string): Spec {
  const plural = `${type.toLowerCase()}s`;
  return spec(
    [
      resource(type, {
        description,
        path: `/${app}/v2/${plural}`,
        attributes: [
          { name: "id", type: "primary_key" },
          { name: "name", type: "string" },
        ],
        endpoints: [{ operation: "list", method: "GET", path: `/${app}/v2/${plural}` }],
      }),
    ],
    { app, version: "2025-01-01", title: `Planning Center ${app}` },
  );
}

describe("generate as a process, one spec changed", () => {
  const specs = () => folder("spec");
  const out = () => folder("out/generated");
  const writeSpec = (app: string, text: string) => {
    mkdirSync(path.join(specs(), app), { recursive: true });
    writeFileSync(path.join(specs(), app, "2025-01-01.json"), text);
  };
  const generate = () =>
    run(["--import", WORKER_WITNESS, "bin/pco-codegen.js", "generate", "--spec", specs(), "--out", out()], {
      ...process.env,
      PCO_CODEGEN_CACHE: folder("cache"),
    });
  const workersStarted = (stderr: string) => stderr.split("\n").filter((line) => line === "[worker started]").length;
  const beside = () => readdirSync(path.dirname(out()));

  it("links the output on a worker, writes what an in-process generate writes, and leaves the rest as it was", async () => {
    writeSpec("people", serializeSpec(appSpec("people", "Person", "A person.")));
    writeSpec("groups", serializeSpec(appSpec("groups", "Group", "A group.")));
    expect(await generate()).toMatchObject({ code: 0 });
    const before = await filesOf(out());

    writeSpec("groups", serializeSpec(appSpec("groups", "Group", "A group of people.")));
    const changed = await generate();
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toMatch(/: 0 new, [1-9]\d* changed, 0 removed$/m);
    expect(workersStarted(changed.stderr)).toBe(1);
    expect(beside()).toEqual(["generated"]);

    const inProcess = folder("in-process/generated");
    expect((await runCli(["generate", "--spec", specs(), "--out", inProcess])).code).toBe(0);
    const after = await filesOf(out());
    expect(after.contents).toEqual((await filesOf(inProcess)).contents);
    const peopleFiles = Object.keys(before.inodes).filter((f) => f.includes("people"));
    expect(peopleFiles.length).toBeGreaterThan(3);
    for (const file of peopleFiles) expect(after.inodes[file], file).toBe(before.inodes[file]);
    expect(after.inodes["openapi/groups-2025-01-01.json"]).not.toBe(before.inodes["openapi/groups-2025-01-01.json"]);
  });

  it("discards the staging folder when the spec's new bytes render the same files", async () => {
    const before = await filesOf(out());
    const file = path.join(specs(), "groups", "2025-01-01.json");
    // The same spec, indented otherwise: its bytes (and hash) change, what it says does not.
    writeSpec("groups", `${JSON.stringify(JSON.parse(readFileSync(file, "utf8")), null, 4)}\n`);
    const same = await generate();
    expect(same.code, same.stderr).toBe(0);
    expect(workersStarted(same.stderr)).toBe(1);
    expect(same.stderr).toMatch(/, unchanged$/m);
    expect(beside()).toEqual(["generated"]);
    expect(await filesOf(out())).toEqual(before);
  });
});

/**
 * `generate` with a renderer that fails, injected beside the real ones in the
 * registry: whether it throws, reports an error or writes outside its folder,
 * nothing is written, the previous generated/ stays byte for byte as it was,
 * and the exit code says why (2: it could not run; 1: the specs have errors).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, expect, it, vi } from "vitest";
import { diagnostic } from "../../generator/diagnostics.js";
import { writeTree } from "../../generator/emit.js";
import { INDEX_PAGE_START } from "../../generator/render/index-page.js";
import type { Renderer } from "../../generator/render/renderer.js";
import { runCli } from "../helpers/cli.js";
// Loaded here, as the CLI loads its commands only when they run, so that the mock above is in place for them.
import "../../generator/generate.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { treeDigests } from "../helpers/tree-snapshot.js";

type Failure = "none" | "throws" | "reports an error" | "writes outside its folder";
const injected = vi.hoisted(() => ({ failure: "none" as Failure }));

vi.mock("../../generator/render/registry.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../generator/render/registry.js")>();
  const failing: Renderer = {
    name: "injected",
    root: "injected",
    async render() {
      switch (injected.failure) {
        case "throws":
          throw new Error("injected renderer failure");
        case "reports an error":
          return {
            value: [],
            diagnostics: [diagnostic("error", "INJECTED_ERROR", "an injected error", { file: "hostile/2024-01-01.json" })],
          };
        case "writes outside its folder":
          return { value: [{ path: "openapi/injected.json", contents: "{}\n" }], diagnostics: [] };
        case "none":
          return { value: [{ path: "injected/ok.txt", contents: "ok\n" }], diagnostics: [] };
      }
    },
  };
  return { renderers: [...actual.renderers, failing] };
});

const HOSTILE = path.join(REPO_ROOT, "test/fixtures/hostile");
const parent = mkdtempSync(path.join(tmpdir(), "pco-renderer-failure-"));
const root = path.join(parent, "generated");
afterAll(() => rmSync(parent, { recursive: true, force: true }));

let previous: Record<string, string>;
beforeEach(async () => {
  rmSync(root, { recursive: true, force: true });
  const files = [
    // A previous generate's output: its README.md is the index page, as generate writes into no other folder.
    { path: "README.md", contents: `${INDEX_PAGE_START}\n(the previous output)\n` },
    { path: "openapi/old-1.json", contents: "{}\n" },
    { path: "changelog/kept.md", contents: "not generate's\n" },
  ];
  await writeTree({ root, files, owns: () => true });
  previous = await treeDigests(root);
});

it.each([
  ["throws", 2, "internal error: injected renderer failure"],
  ["reports an error", 1, "hostile/2024-01-01.json: error INJECTED_ERROR: an injected error"],
  ["writes outside its folder", 2, "internal error: the injected renderer wrote openapi/injected.json, outside its root injected"],
] as const)("a renderer that %s: exit %i, nothing written", async (failure, code, message) => {
  injected.failure = failure;
  const run = await runCli(["generate", "--spec", HOSTILE, "--out", root]);
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr).toContain(message);
  expect(await treeDigests(root)).toEqual(previous);
  expect(readdirSync(parent)).toEqual(["generated"]);
});

it("with no failure the same run writes the new tree (the check above is not idle)", async () => {
  injected.failure = "none";
  const run = await runCli(["generate", "--spec", HOSTILE, "--out", root]);
  expect(run.code, run.stderr).toBe(0);
  const written = await treeDigests(root);
  expect(written["injected/ok.txt"]).toBeDefined();
  expect(written["openapi/old-1.json"]).toBeUndefined();
  expect(written["changelog/kept.md"]).toBe(previous["changelog/kept.md"]);
});

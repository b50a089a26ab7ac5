import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffTree, writeTree, type TreePlan } from "../generator/emit.js";

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const parent = mkdtempSync(path.join(tmpdir(), "pco-emit-"));
  roots.push(parent);
  const root = path.join(parent, "out");
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), contents);
  }
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const read = (root: string, file: string) => readFileSync(path.join(root, file), "utf8");

describe("writeTree", () => {
  it("writes, replaces and removes owned files, and keeps the others", async () => {
    const root = tree({ "a/old.json": "old", "a/same.json": "same", "keep/x.md": "x" });
    const plan: TreePlan = {
      root,
      files: [
        { path: "a/same.json", contents: "same" },
        { path: "a/new.json", contents: "new" },
      ],
      owns: (p) => p.startsWith("a/"),
    };
    expect(await diffTree(plan)).toEqual({ missing: ["a/new.json"], changed: [], extra: ["a/old.json"] });
    await writeTree(plan);
    expect(read(root, "a/new.json")).toBe("new");
    expect(existsSync(path.join(root, "a/old.json"))).toBe(false);
    expect(read(root, "keep/x.md")).toBe("x");
    expect(await diffTree(plan)).toEqual({ missing: [], changed: [], extra: [] });
    expect(readdirSync(path.dirname(root))).toEqual(["out"]);
  });

  it("leaves the previous tree intact when writing fails before the swap", async () => {
    const root = tree({ "a/one.json": "1" });
    const plan: TreePlan = { root, files: [{ path: "a/one.json", contents: "2" }], owns: () => true };
    await expect(
      writeTree(plan, {
        beforeSwap: () => {
          throw new Error("injected failure");
        },
      }),
    ).rejects.toThrow("injected failure");
    expect(read(root, "a/one.json")).toBe("1");
    expect(readdirSync(path.dirname(root))).toEqual(["out"]);
  });

  it("restores the previous tree left by a run killed between the two renames", async () => {
    const root = tree({ "a/one.json": "1" });
    const { renameSync } = await import("node:fs");
    renameSync(root, `${root}.previous-999999`);
    const plan: TreePlan = { root, files: [{ path: "a/one.json", contents: "1" }], owns: () => true };
    expect(await diffTree(plan)).toEqual({ missing: [], changed: [], extra: [] });
    expect(read(root, "a/one.json")).toBe("1");
  });

  it("refuses paths that climb out of the tree", async () => {
    const root = tree({});
    await expect(writeTree({ root, files: [{ path: "../escape.txt", contents: "x" }], owns: () => true })).rejects.toThrow(/outside/);
  });
});

import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffTree, writeTree } from "../generator/emit.js";
import { journalText, swapFolders, swapIn } from "../generator/emit/swap-in.js";
import { treeTexts } from "./helpers/tree-snapshot.js";

const parents: string[] = [];
afterEach(() => {
  for (const parent of parents.splice(0)) rmSync(parent, { recursive: true, force: true });
});

/** `files` written under `<a new folder>/<name>`; returns that path. */
function folderWith(files: Record<string, string>, name = "out", parent = newParent()): string {
  const root = path.join(parent, name);
  mkdirSync(root, { recursive: true });
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), contents);
  }
  return root;
}

function newParent(): string {
  const parent = mkdtempSync(path.join(tmpdir(), "pco-swap-"));
  parents.push(parent);
  return parent;
}

const DEAD_PID = 999999;

describe("the swap of a staged tree", () => {
  it("carries untouched folders over whole: a change costs the folders along its path, not the tree", async () => {
    const root = folderWith({ "a/changed.json": "old", "a/same.json": "same", "b/deep/untouched.json": "u" });
    const folderInode = statSync(path.join(root, "b")).ino;
    const fileInode = statSync(path.join(root, "a/same.json")).ino;
    const difference = await writeTree({
      root,
      files: [
        { path: "a/changed.json", contents: "new" },
        { path: "a/same.json", contents: "same" },
        { path: "b/deep/untouched.json", contents: "u" },
      ],
      owns: () => true,
    });
    expect(difference).toEqual({ missing: [], changed: ["a/changed.json"], extra: [] });
    expect(statSync(path.join(root, "b")).ino).toBe(folderInode);
    expect(statSync(path.join(root, "a/same.json")).ino).toBe(fileInode);
    expect(await treeTexts(root)).toEqual({ "a/changed.json": "new", "a/same.json": "same", "b/deep/untouched.json": "u" });
    expect(readdirSync(path.dirname(root))).toEqual(["out"]);
  });

  it("finishes the swap of a run killed half way through it: the output is then the new tree, removals included", async () => {
    const parent = newParent();
    const root = path.join(parent, "out");
    const folders = swapFolders(root, DEAD_PID);
    // The killed run had staged its changes, moved the output aside and carried `b/` over, when it died.
    folderWith(
      { "a/changed.json": "old", "a/kept.json": "k", "a/gone/file.json": "x", "c/kept.json": "c" },
      path.basename(folders.previous),
      parent,
    );
    folderWith({ "a/changed.json": "new", "new/file.json": "n", "b/carried.json": "b" }, path.basename(folders.staging), parent);
    writeFileSync(folders.journal, journalText(["a/gone/file.json"]));

    const plan = {
      root,
      files: [
        { path: "a/changed.json", contents: "new" },
        { path: "a/kept.json", contents: "k" },
        { path: "b/carried.json", contents: "b" },
        { path: "c/kept.json", contents: "c" },
        { path: "new/file.json", contents: "n" },
      ],
      owns: () => true,
    };
    expect(await diffTree(plan)).toEqual({ missing: [], changed: [], extra: [] });
    expect(readdirSync(path.join(root, "a")).sort()).toEqual(["changed.json", "kept.json"]);
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("puts the output back as it was when carrying over fails half way, and leaves no journal", async () => {
    const root = folderWith({ "a.json": "1", "b/c.json": "2", "x/gone.json": "3" });
    const before = await treeTexts(root);
    const folders = swapFolders(root, process.pid);
    // A file where the output has a folder to merge: carrying that folder over fails.
    folderWith({ x: "a file", "a.json": "changed" }, path.basename(folders.staging), path.dirname(root));
    expect(() => swapIn(folders, ["x/gone.json"])).toThrow(/ENOTDIR/);
    expect(await treeTexts(root)).toEqual(before);
    expect(readdirSync(path.dirname(root)).sort()).toEqual(["out", path.basename(folders.staging)]);
  });

  it("refuses a new file whose place the output holds otherwise (a folder there, a link on the way), and changes nothing", async () => {
    const outside = folderWith({ "elsewhere.json": "mine" });
    const root = folderWith({ "a/one.json": "1", "a/folder/inside.md": "kept" });
    symlinkSync(outside, path.join(root, "a", "link"));
    const before = await treeTexts(root);
    const owns = (file: string) => file.endsWith(".json");
    for (const [file, reason] of [
      ["a/folder", /something else already exists at that path \(EEXIST at .*folder\)/],
      ["a/link/new.json", /a part of the path is a file, not a folder \(ENOTDIR at .*link\)/],
    ] as const) {
      const write = writeTree({
        root,
        files: [
          { path: "a/one.json", contents: "2" },
          { path: file, contents: "new" },
        ],
        owns,
      });
      await expect(write).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(reason) });
      expect(await treeTexts(root)).toEqual(before);
      expect(readdirSync(outside)).toEqual(["elsewhere.json"]);
      expect(readdirSync(path.dirname(root))).toEqual(["out"]);
    }
  });
});

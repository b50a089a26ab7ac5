import { spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GeneratorError } from "../generator/diagnostics.js";
import { diffTree, listFiles, writeTree, type TreePlan } from "../generator/emit.js";
import { isSafeRelativePath } from "../generator/emit/stage-tree.js";

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

describe("listFiles", () => {
  it("lists every file under a folder however it is named, relative with `/`, sorted; symbolic links and folders are not files", async () => {
    const root = tree({ "b.json": "", "a/z/deep.json": "", "a/one.json": "", "c d/e.json": "" });
    symlinkSync(path.join(root, "b.json"), path.join(root, "link.json"));
    mkdirSync(path.join(root, "empty"));
    const expected = ["a/one.json", "a/z/deep.json", "b.json", "c d/e.json"];
    expect(await listFiles(root)).toEqual(expected);
    expect(await listFiles(`${root}/`)).toEqual(expected);
    expect(await listFiles(path.relative(process.cwd(), root))).toEqual(expected);
    expect(await listFiles(path.join(root, "a", "..", "a"))).toEqual(["one.json", "z/deep.json"]);
    expect(await listFiles(path.join(root, "missing"))).toEqual([]);
  });
});

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

  it("refuses paths that climb out of the tree, or are not written the one normal way", async () => {
    const root = tree({});
    for (const bad of [
      "../escape.txt",
      "a/../../escape.txt",
      "/etc/escape.txt",
      "",
      ".",
      "..",
      "a//b.json",
      "./a.json",
      "a/./b.json",
      "a/",
    ]) {
      expect(isSafeRelativePath(bad), bad).toBe(false);
      await expect(writeTree({ root, files: [{ path: bad, contents: "x" }], owns: () => true }), bad).rejects.toThrow(/outside/);
    }
    for (const good of ["a.json", "a/b/c.json", "..a/b.json", "a/.hidden", "a/b..json"]) expect(isSafeRelativePath(good), good).toBe(true);
    expect(readdirSync(path.dirname(root)).filter((name) => name.includes("escape"))).toEqual([]);
  });
});

describe("writeTree against a hostile file system", () => {
  it("writes only what changed: unchanged files keep their inode, changed ones get a new file", async () => {
    const root = tree({ "a/same.json": "same", "a/changed.json": "old" });
    const inode = (file: string) => statSync(path.join(root, file)).ino;
    const [sameBefore, changedBefore] = [inode("a/same.json"), inode("a/changed.json")];
    const difference = await writeTree({
      root,
      files: [
        { path: "a/same.json", contents: "same" },
        { path: "a/changed.json", contents: "new" },
      ],
      owns: () => true,
    });
    expect(difference).toEqual({ missing: [], changed: ["a/changed.json"], extra: [] });
    expect(inode("a/same.json")).toBe(sameBefore);
    expect(inode("a/changed.json")).not.toBe(changedBefore);
    expect(read(root, "a/changed.json")).toBe("new");
  });

  it("never writes through a hard link into the previous tree", async () => {
    const root = tree({ "a/one.json": "1" });
    const outside = path.join(path.dirname(root), "kept-copy.json");
    linkSync(path.join(root, "a/one.json"), outside);
    await writeTree({ root, files: [{ path: "a/one.json", contents: "2" }], owns: () => true });
    expect(read(root, "a/one.json")).toBe("2");
    expect(readFileSync(outside, "utf8")).toBe("1");
  });

  it("keeps .git and empty folders it did not create, and removes the folders its removals emptied", async () => {
    const root = tree({ ".git/HEAD": "ref: refs/heads/main\n", "a/old/gone.json": "x", "a/kept.json": "k" });
    mkdirSync(path.join(root, ".git", "refs", "tags"), { recursive: true });
    mkdirSync(path.join(root, "a", "empty-before"));
    await writeTree({ root, files: [{ path: "a/kept.json", contents: "k2" }], owns: (p) => p.startsWith("a/") });
    expect(existsSync(path.join(root, ".git", "refs", "tags"))).toBe(true);
    expect(read(root, ".git/HEAD")).toBe("ref: refs/heads/main\n");
    expect(existsSync(path.join(root, "a", "empty-before"))).toBe(true);
    expect(existsSync(path.join(root, "a", "old"))).toBe(false);
  });

  it("carries a symbolic link inside the output over as a link, and never empties what it points to", async () => {
    const outside = tree({ "keep/me.json": "mine" });
    const root = tree({ "a/one.json": "1" });
    symlinkSync(path.join(outside, "keep"), path.join(root, "shortcut"));
    await writeTree({ root, files: [{ path: "a/one.json", contents: "2" }], owns: (p) => p.startsWith("a/") });
    expect(read(root, "a/one.json")).toBe("2");
    expect(read(root, "shortcut/me.json")).toBe("mine");
    // The retired tree held the link too: removing it removed the link, not the folder behind it.
    expect(read(outside, "keep/me.json")).toBe("mine");
    expect(readdirSync(path.dirname(root)).sort()).toEqual(["out"]);
  });

  it("refuses an output folder that is a symbolic link, and writes nothing through it", async () => {
    const target = tree({ "a/one.json": "1" });
    const link = path.join(path.dirname(target), "link");
    symlinkSync(target, link);
    const write = writeTree({ root: link, files: [{ path: "a/one.json", contents: "2" }], owns: () => true });
    await expect(write).rejects.toThrow(GeneratorError);
    await expect(write).rejects.toThrow(/link: it is a symbolic link/);
    expect(read(target, "a/one.json")).toBe("1");
    expect(readdirSync(path.dirname(target)).sort()).toEqual(["link", "out"]);
  });

  it("refuses an output path that is a file, and the working folder itself", async () => {
    const parent = path.dirname(tree({}));
    writeFileSync(path.join(parent, "file"), "not a folder");
    await expect(writeTree({ root: path.join(parent, "file"), files: [{ path: "x", contents: "y" }], owns: () => true })).rejects.toThrow(
      /file: it exists and is not a folder/,
    );
    expect(readFileSync(path.join(parent, "file"), "utf8")).toBe("not a folder");
    for (const root of [process.cwd(), path.dirname(process.cwd())]) {
      await expect(writeTree({ root, files: [{ path: "x", contents: "y" }], owns: () => false })).rejects.toThrow(/the working folder/);
    }
  });

  it("lets two writers of one folder take turns: neither's files are lost", async () => {
    const root = tree({});
    const plan = (name: string): TreePlan => ({
      root,
      files: [{ path: `${name}.json`, contents: name }],
      owns: (p) => p === `${name}.json`,
    });
    await Promise.all([writeTree(plan("first")), writeTree(plan("second")), writeTree(plan("third"))]);
    expect(readdirSync(root).sort()).toEqual(["first.json", "second.json", "third.json"]);
    expect(readdirSync(path.dirname(root))).toEqual(["out"]);
  });

  it("takes over a lock left by a process that is gone", async () => {
    const root = tree({});
    writeFileSync(`${root}.lock`, "999999999");
    await writeTree({ root, files: [{ path: "x.json", contents: "x" }], owns: () => true });
    expect(read(root, "x.json")).toBe("x");
    expect(existsSync(`${root}.lock`)).toBe(false);
  });

  it("reports a file-system failure in one line, exit 2, and removes its staging folder", async () => {
    const root = tree({ "a/one.json": "1" });
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      path: path.join(root, "a/one.json"),
    });
    const write = writeTree(
      { root, files: [{ path: "a/one.json", contents: "2" }], owns: () => true },
      {
        beforeSwap: () => {
          throw full;
        },
      },
    );
    await expect(write).rejects.toThrow(GeneratorError);
    await expect(write).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^cannot write .*out: no space left on the device \(ENOSPC at .*one\.json\); nothing was changed$/),
    });
    expect(read(root, "a/one.json")).toBe("1");
    expect(readdirSync(path.dirname(root))).toEqual(["out"]);
  });
});

/** A small tmpfs, where mounting is allowed (root on Linux); undefined elsewhere. */
function mountTmpfs(options: string): string | undefined {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return undefined;
  const point = mkdtempSync(path.join(tmpdir(), "pco-emit-mount-"));
  roots.push(point);
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", point]);
  if (mounted.status !== 0) return undefined;
  mounts.push(point);
  return point;
}
const mounts: string[] = [];
afterEach(() => {
  for (const point of mounts.splice(0)) spawnSync("umount", [point]);
});
const canMount = (() => {
  const point = mountTmpfs("size=16k");
  if (point === undefined) return false;
  spawnSync("umount", [point]);
  mounts.splice(mounts.indexOf(point), 1);
  return true;
})();

describe.runIf(canMount)("writeTree on a real full or read-only file system", () => {
  it("on a full disk: one line naming ENOSPC, the previous tree intact, no staging folder left", async () => {
    const point = mountTmpfs("size=64k")!;
    const root = path.join(point, "out");
    await writeTree({ root, files: [{ path: "small.txt", contents: "small" }], owns: () => true });
    const write = writeTree({ root, files: [{ path: "big.txt", contents: "x".repeat(256 * 1024) }], owns: () => true });
    await expect(write).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^cannot write .*: no space left on the device \(ENOSPC/),
    });
    expect(read(root, "small.txt")).toBe("small");
    expect(readdirSync(point)).toEqual(["out"]);
  });

  it("on a read-only file system: one line naming EROFS, nothing changed", async () => {
    const point = mountTmpfs("size=64k")!;
    mkdirSync(path.join(point, "out"));
    writeFileSync(path.join(point, "out", "one.txt"), "1");
    expect(spawnSync("mount", ["-o", "remount,ro", point]).status).toBe(0);
    const write = writeTree({ root: path.join(point, "out"), files: [{ path: "one.txt", contents: "2" }], owns: () => true });
    await expect(write).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^cannot write .*: the file system is read-only \(EROFS/),
    });
    expect(read(path.join(point, "out"), "one.txt")).toBe("1");
    expect(readdirSync(point)).toEqual(["out"]);
    // Where nothing needs writing, a read-only folder is no failure (though no lock can be taken there).
    const unchanged = await writeTree({ root: path.join(point, "out"), files: [{ path: "one.txt", contents: "1" }], owns: () => true });
    expect(unchanged).toEqual({ missing: [], changed: [], extra: [] });
  });
});

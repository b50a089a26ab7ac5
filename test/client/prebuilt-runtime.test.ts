/**
 * The runtime's files the build writes: read back only by the generator that
 * wrote them, only as the build wrote them, and equal to what rendering them
 * gives.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prebuiltRuntime, writePrebuiltRuntime } from "../../generator/render/client/prebuilt-runtime.js";
import { renderRuntime } from "../../generator/render/client/runtime-files.js";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pco-prebuilt-"));
  file = path.join(dir, "runtime.json");
  await writePrebuiltRuntime(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Copy {
  generator: string;
  files: { path: string; contents: string }[];
}

/** The written copy, changed by `spoil`, in a file of its own. */
function spoiled(spoil: (copy: Copy) => void): string {
  const copy = JSON.parse(readFileSync(file, "utf8")) as Copy;
  spoil(copy);
  const target = path.join(dir, `spoiled-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(target, JSON.stringify(copy));
  return target;
}

describe("the prebuilt runtime", () => {
  it("reads back as rendering the runtime gives it", async () => {
    const files = await prebuiltRuntime(file);
    expect(files).toEqual(await renderRuntime());
    expect(files!.map((f) => f.path)).toContain("clients/runtime/index.js");
  });

  it.each([
    ["was written by another generator", (copy: Copy) => void (copy.generator = "0".repeat(64))],
    ["names a file outside the runtime's folder", (copy: Copy) => void copy.files.push({ path: "clients/people/index.js", contents: "" })],
    ["names a path that climbs out", (copy: Copy) => void copy.files.push({ path: "clients/runtime/../../x", contents: "" })],
  ])("is ignored where it %s", async (_, spoil) => {
    expect(await prebuiltRuntime(spoiled(spoil))).toBeUndefined();
  });

  it("is ignored where it is missing or not JSON", async () => {
    expect(await prebuiltRuntime(path.join(dir, "none.json"))).toBeUndefined();
    writeFileSync(path.join(dir, "broken.json"), "{ not json");
    expect(await prebuiltRuntime(path.join(dir, "broken.json"))).toBeUndefined();
  });
});

/**
 * `generate` with nothing to do renders nothing (the no-op figure's fix):
 * it skips rendering only while the specs and the owned output are exactly
 * as its last run left them, and says the same as a rendering run would.
 */
import { mkdtemp, readFile, rename, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { generateBySpec } from "../../generator/generate/by-spec.js";
import { inputsFingerprint, statHash } from "../../generator/generate-record.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import { runCli } from "../helpers/cli.js";
import { resource, spec } from "../helpers/spec-builder.js";

vi.mock("../../generator/generate/by-spec.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../generator/generate/by-spec.js")>();
  return { ...original, generateBySpec: vi.fn(original.generateBySpec) };
});

/** A spec whose rendering warns: an include named like a key of every record. */
const widgets = (description: string) =>
  spec([
    resource("Widget", {
      description,
      path: "/people/v2/widgets",
      endpoints: [
        { operation: "list", method: "GET", path: "/people/v2/widgets" },
        { operation: "get", method: "GET", path: "/people/v2/widgets/{widget_id}" },
      ],
      query: { where: [], order: [], include: ["type"] },
    }),
  ]);

let dir: string;
let specs: string;
let out: string;
const previousCache = process.env.PCO_CODEGEN_CACHE;
const generate = () => runCli(["generate", "--spec", specs, "--out", out]);
const renders = () => vi.mocked(generateBySpec).mock.calls.length;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-generate-record-"));
  process.env.PCO_CODEGEN_CACHE = path.join(dir, "cache");
});

afterAll(async () => {
  if (previousCache === undefined) delete process.env.PCO_CODEGEN_CACHE;
  else process.env.PCO_CODEGEN_CACHE = previousCache;
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  specs = await mkdtemp(path.join(dir, "spec-"));
  out = path.join(await mkdtemp(path.join(dir, "out-")), "generated");
  await mkdir(path.join(specs, "people"));
  await writeFile(path.join(specs, "people", "2025-03-20.json"), serializeSpec(widgets("A widget.")));
});

describe("generate after a generate", () => {
  it("renders nothing when nothing changed, and prints what the rendering run printed", async () => {
    const first = await generate();
    expect(first.code).toBe(0);
    const before = renders();
    const second = await generate();
    expect(renders()).toBe(before);
    expect(second.code).toBe(0);
    const lines = (run: { stderr: string }) => run.stderr.split("\n");
    // The diagnostics, then the count: "N files in <out>: N new, …" the first time, "N files in <out>, unchanged" now.
    expect(lines(first).slice(0, -1)).toEqual(lines(second).slice(0, -1));
    expect(first.stderr).toMatch(/CLIENT_INCLUDE_NAME/);
    const count = /^(\d+) files in /.exec(lines(first).at(-1)!)![1];
    expect(lines(second).at(-1)).toBe(`${count} files in ${out}, unchanged`);
  });

  it("renders again when an owned file was edited, and puts it back", async () => {
    await generate();
    const index = path.join(out, "clients", "people", "index.ts");
    const rendered = await readFile(index, "utf8");
    await writeFile(index, `${rendered}// edited\n`);
    const before = renders();
    const run = await generate();
    expect(renders()).toBe(before + 1);
    expect(run.stderr).toMatch(/: 0 new, 1 changed, 0 removed$/);
    expect(await readFile(index, "utf8")).toBe(rendered);
  });

  it("renders again when a file appeared among the owned ones, and removes it", async () => {
    await generate();
    await writeFile(path.join(out, "openapi", "stray.json"), "{}\n");
    const before = renders();
    const run = await generate();
    expect(renders()).toBe(before + 1);
    expect(run.stderr).toMatch(/: 0 new, 0 changed, 1 removed$/);
  });

  it("renders again when a spec changed", async () => {
    await generate();
    await writeFile(path.join(specs, "people", "2025-03-20.json"), serializeSpec(widgets("A better widget.")));
    const before = renders();
    const run = await generate();
    expect(renders()).toBe(before + 1);
    expect(run.stderr).not.toMatch(/unchanged$/);
  });

  it("renders again with --force, though nothing changed", async () => {
    await generate();
    const before = renders();
    const run = await runCli(["generate", "--spec", specs, "--out", out, "--force"]);
    expect(renders()).toBe(before + 1);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^\d+ files in .*, unchanged$/m);
  });

  it("leaves files it does not own out of the question", async () => {
    await generate();
    await mkdir(path.join(out, "changelog"));
    await writeFile(path.join(out, "changelog", "notes.md"), "# Notes\n");
    const before = renders();
    expect((await generate()).stderr).toMatch(/unchanged$/);
    expect(renders()).toBe(before);
  });

  it("is independent of another output folder's record", async () => {
    await generate();
    const elsewhere = path.join(dir, `elsewhere-${path.basename(specs)}`);
    const run = await runCli(["generate", "--spec", specs, "--out", elsewhere]);
    expect(run.stderr).toMatch(/: \d+ new, 0 changed, 0 removed$/);
  });
});

describe("inputsFingerprint", () => {
  it("is the same for the same specs and changes with a spec's bytes", async () => {
    const before = await inputsFingerprint(specs);
    expect(await inputsFingerprint(specs)).toEqual(before);
    await writeFile(path.join(specs, "people", "2025-03-20.json"), serializeSpec(widgets("Another widget.")));
    const after = await inputsFingerprint(specs);
    expect(after.inputs).not.toBe(before.inputs);
    expect(after.specs[0]!.hash).not.toBe(before.specs[0]!.hash);
    // The generator's side is the same: only that spec is to render again.
    expect(after.global).toBe(before.global);
  });

  it("ignores files of the spec folder that are not specs", async () => {
    const before = await inputsFingerprint(specs);
    await writeFile(path.join(specs, "spec.schema.json"), "{}\n");
    await writeFile(path.join(specs, "people", "notes.txt"), "not a spec\n");
    expect(await inputsFingerprint(specs)).toEqual(before);
    expect(before.specs.map((s) => s.file)).toEqual(["people/2025-03-20.json"]);
  });
});

describe("statHash", () => {
  it("changes when a file is edited, replaced or renamed, and not when it is only read", async () => {
    const folder = await mkdtemp(path.join(dir, "stat-"));
    await writeFile(path.join(folder, "a.json"), "{}\n");
    await writeFile(path.join(folder, "b.md"), "# b\n");
    const before = statHash(folder, ["a.json", "b.md"]);
    expect(statHash(folder, ["b.md", "a.json"])).toBe(before);
    await readFile(path.join(folder, "a.json"));
    expect(statHash(folder, ["a.json", "b.md"])).toBe(before);
    // Same size, same contents, but another file put in its place (as a checkout does).
    await writeFile(path.join(folder, "a.json.new"), "{}\n");
    await rename(path.join(folder, "a.json.new"), path.join(folder, "a.json"));
    const replaced = statHash(folder, ["a.json", "b.md"]);
    expect(replaced).not.toBe(before);
    await writeFile(path.join(folder, "b.md"), "# c\n");
    expect(statHash(folder, ["a.json", "b.md"])).not.toBe(replaced);
    await rename(path.join(folder, "b.md"), path.join(folder, "c.md"));
    expect(() => statHash(folder, ["a.json", "b.md"])).toThrow(/ENOENT/);
  });
});

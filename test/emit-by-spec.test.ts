/**
 * `generate` renders only what changed since the last generate into the
 * folder, and the result is what a generate from scratch writes, byte for
 * byte: a changed spec re-renders its own files and the shared ones, the other
 * specs' files are left as they were (same inode, same modification time), a
 * changed generator renders everything again, and a record that cannot be
 * trusted is ignored.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listFiles } from "../generator/emit.js";
import { recordStem } from "../generator/generate-record.js";
import { renderers } from "../generator/render/registry.js";
import { serializeSpec } from "../generator/spec/serialize.js";
import type { Spec } from "../generator/spec/types.js";
import { packageRoot } from "../generator/util/package-root.js";
import { runCli } from "./helpers/cli.js";
import { resource, spec } from "./helpers/spec-builder.js";

/** An app's spec with one listed and fetched resource. */
function appSpec(app: string, version: string, type: string, description: string): Spec {
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
        endpoints: [
          { operation: "list", method: "GET", path: `/${app}/v2/${plural}` },
          { operation: "get", method: "GET", path: `/${app}/v2/${plural}/{${type.toLowerCase()}_id}` },
        ],
      }),
    ],
    { app, version, title: `Planning Center ${app}` },
  );
}

const SPECS: Record<string, Spec> = {
  "people/2025-03-20.json": appSpec("people", "2025-03-20", "Person", "A person."),
  "people/2024-01-01.json": appSpec("people", "2024-01-01", "Person", "A person, as it was."),
  "groups/2023-07-10.json": appSpec("groups", "2023-07-10", "Group", "A group."),
};

let dir: string;
let specs: string;
let out: string;
const previousCache = process.env.PCO_CODEGEN_CACHE;
const cache = () => path.join(dir, "cache");

async function generate(into = out, cacheFolder = cache()): Promise<string> {
  process.env.PCO_CODEGEN_CACHE = cacheFolder;
  const run = await runCli(["generate", "--spec", specs, "--out", into]);
  expect(run.code, run.stderr).toBe(0);
  return run.stderr.split("\n").at(-1)!;
}

/** Empties the store of rendered units and spec summaries: what is not recorded must then be rendered. */
async function forgetStore(): Promise<void> {
  for (const folder of ["units", "summaries"]) await rm(path.join(cache(), folder), { recursive: true, force: true });
}

async function writeSpec(file: string, value: Spec): Promise<void> {
  await mkdir(path.dirname(path.join(specs, file)), { recursive: true });
  await writeFile(path.join(specs, file), serializeSpec(value));
}

/** Every file of a folder, by path: its bytes. */
async function contents(folder: string): Promise<Map<string, string>> {
  const files = await listFiles(folder);
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(folder, f), "utf8")] as const)));
}

/** Every file of a folder, by path: its inode and modification time. */
async function identities(folder: string): Promise<Map<string, string>> {
  const files = await listFiles(folder);
  return new Map(
    await Promise.all(
      files.map(async (f) => {
        const s = await lstat(path.join(folder, f), { bigint: true });
        return [f, `${s.ino}:${s.mtimeNs}`] as const;
      }),
    ),
  );
}

/** The apps and versions each renderer rendered a spec of, since the spies were reset. */
function renderedSpecs(): Map<string, string[]> {
  return new Map(
    renderers.map((renderer) => [
      renderer.name,
      vi
        .mocked(renderer.bySpec!.renderSpec)
        .mock.calls.map(([s]) => `${s.app}/${s.version}`)
        .sort(),
    ]),
  );
}

/** A stored unit's entry with one more file: its path added to the first line, its contents at the end. */
function withFile(entry: string, file: string): string {
  const newline = entry.indexOf("\n");
  const head = JSON.parse(entry.slice(0, newline)) as { files: [string, number][] };
  head.files.push([file, 1]);
  return `${JSON.stringify(head)}\n${entry.slice(newline + 1)}x`;
}

/** Every renderer rendered every spec, since the spies were reset. */
function expectEverySpecRendered(): void {
  const all = Object.values(SPECS)
    .map((s) => `${s.app}/${s.version}`)
    .sort();
  for (const [renderer, rendered] of renderedSpecs()) expect(rendered, renderer).toEqual(all);
}

/** What a generate from scratch (no record, another cache) writes. */
async function fromScratch(): Promise<Map<string, string>> {
  const fresh = path.join(await mkdtemp(path.join(dir, "fresh-")), "generated");
  await generate(fresh, path.join(dir, `cache-${path.basename(path.dirname(fresh))}`));
  return contents(fresh);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-by-spec-"));
  for (const renderer of renderers) vi.spyOn(renderer.bySpec!, "renderSpec");
});

afterAll(async () => {
  vi.restoreAllMocks();
  if (previousCache === undefined) delete process.env.PCO_CODEGEN_CACHE;
  else process.env.PCO_CODEGEN_CACHE = previousCache;
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  specs = await mkdtemp(path.join(dir, "spec-"));
  out = path.join(await mkdtemp(path.join(dir, "out-")), "generated");
  await rm(cache(), { recursive: true, force: true });
  for (const [file, value] of Object.entries(SPECS)) await writeSpec(file, value);
  await generate();
  vi.clearAllMocks();
});

afterEach(() => vi.clearAllMocks());

describe("generate after one spec changed", () => {
  it("renders only that spec, leaves the other specs' files as they were, and writes what a generate from scratch writes", async () => {
    const before = await identities(out);
    await writeSpec("groups/2023-07-10.json", appSpec("groups", "2023-07-10", "Group", "A group of people."));
    expect(await generate()).toMatch(/: 0 new, [1-9]\d* changed, 0 removed$/);

    for (const [renderer, rendered] of renderedSpecs()) expect(rendered, renderer).toEqual(["groups/2023-07-10"]);
    expect(await contents(out)).toEqual(await fromScratch());
    const after = await identities(out);
    const others = [...before.keys()].filter((f) => /^(fixtures\/people\/|openapi\/people-|clients\/people\/|clients\/runtime\/)/.test(f));
    expect(others.length).toBeGreaterThan(10);
    for (const file of others) expect(after.get(file), file).toBe(before.get(file));
    // The group's own document changed, and so did the combined one it is part of.
    for (const file of ["openapi/groups-2023-07-10.json", "openapi/latest.json"]) expect(after.get(file), file).not.toBe(before.get(file));
  });

  it("renders a version that is no longer its app's latest again, and drops the client it had", async () => {
    await writeSpec("groups/2025-01-01.json", appSpec("groups", "2025-01-01", "Group", "A newer group."));
    expect(await generate()).toMatch(/: [1-9]\d* new, [1-9]\d* changed, 0 removed$/);
    // The older groups version is rendered again: its role changed (no longer the client's version).
    expect(renderedSpecs().get("clients")).toEqual(["groups/2023-07-10", "groups/2025-01-01"]);
    expect(renderedSpecs().get("openapi")).toEqual(["groups/2023-07-10", "groups/2025-01-01"]);
    expect(await contents(out)).toEqual(await fromScratch());
  });

  it("removes the files of a spec that is gone", async () => {
    await rm(path.join(specs, "people", "2024-01-01.json"));
    expect(await generate()).toMatch(/: 0 new, [1-9]\d* changed, [1-9]\d* removed$/);
    expect([...renderedSpecs().values()].flat()).toEqual([]);
    expect((await listFiles(out)).filter((f) => f.includes("2024-01-01"))).toEqual([]);
    expect(await contents(out)).toEqual(await fromScratch());
  });
});

/**
 * The record with one unit changed: the groups spec's OpenAPI unit. Only one, so that a record taken whole would
 * render that unit and the changed spec again, not every spec: what tells a record ignored from one used.
 */
function withGroupsUnit(change: (unit: { files: string[]; stats: string[] }) => void): (record: string) => string {
  return (record) => {
    const parsed = JSON.parse(record) as { units: Record<string, { files: string[]; stats: string[] }> };
    const unit = parsed.units["openapi\0groups/2023-07-10.json"];
    expect(unit).toBeDefined();
    change(unit!);
    return JSON.stringify(parsed);
  };
}

describe("what invalidates the record", () => {
  it("renders every spec again when a template changed", async () => {
    const template = path.join(packageRoot(), "templates", "client", "index.ts.hbs");
    const { atime, mtime } = await stat(template);
    try {
      // A changed generator has other keys: the store has nothing for it.
      // The same bytes under a new modification time, as a checkout or an edit leaves them.
      await utimes(template, atime, new Date(mtime.getTime() + 60_000));
      expect(await generate()).toMatch(/, unchanged$/);
    } finally {
      await utimes(template, atime, mtime);
    }
    expectEverySpecRendered();
  });

  it.each([
    ["is not JSON", () => "{ not json"],
    // With a stat line, as the record has for every file: the path alone is what is wrong.
    ["names a path outside the output", withGroupsUnit((unit) => (unit.files.push("../../outside.txt"), unit.stats.push("1 1 1")))],
    [
      "names a file outside its renderer's folder",
      withGroupsUnit((unit) => (unit.files.push("clients/package.json"), unit.stats.push("1 1 1"))),
    ],
    ["has a stat line too few", withGroupsUnit((unit) => unit.stats.pop())],
  ])("ignores a record that %s, and renders everything", async (_, spoil) => {
    const file = `${recordStem(out)}.units.json`;
    await writeFile(file, spoil(await readFile(file, "utf8")));
    await forgetStore();
    await writeSpec("people/2024-01-01.json", appSpec("people", "2024-01-01", "Person", "A person, as it was then."));
    await generate();
    expectEverySpecRendered();
    expect(await contents(out)).toEqual(await fromScratch());
    await expect(lstat(path.join(out, "..", "..", "outside.txt"))).rejects.toThrow(/ENOENT/);
  });

  /** A framed part with its first line spaced out: the same value, another length. */
  const respaced = (text: string): string => {
    const newline = text.indexOf("\n");
    return `${JSON.stringify(JSON.parse(text.slice(0, newline)), null, 1).replaceAll("\n", "")}${text.slice(newline)}`;
  };

  /** Each part file of the record, as `spoil` leaves it (undefined: removed). */
  async function spoilParts(spoil: (text: string) => string | undefined): Promise<void> {
    const folder = `${recordStem(out)}.parts`;
    const parts = await readdir(folder);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const spoiled = spoil(await readFile(path.join(folder, part), "utf8"));
      if (spoiled === undefined) await rm(path.join(folder, part));
      else await writeFile(path.join(folder, part), spoiled);
    }
  }

  it.each([
    ["is gone", () => undefined],
    ["was cut short", (text: string) => text.slice(0, -1)],
    // The same value, its first line (the JSON of the framed part) spaced out: every place in it still fits.
    ["was rewritten, still the same value", (text: string) => respaced(text)],
  ])("renders a spec's part again when its recorded file %s", async (_, spoil) => {
    await spoilParts(spoil);
    await forgetStore();
    await writeSpec("people/2025-03-20.json", appSpec("people", "2025-03-20", "Person", "A person, today."));
    await generate();
    // The groups part of latest.json is needed again and no longer recorded as it was: groups is rendered for it.
    expect(renderedSpecs().get("openapi")).toEqual(["groups/2023-07-10", "people/2025-03-20"]);
    expect(await contents(out)).toEqual(await fromScratch());
  });

  it("keeps only the part files its record names: a changed spec's old part is removed", async () => {
    const folder = `${recordStem(out)}.parts`;
    const named = async () => {
      const record = JSON.parse(await readFile(`${recordStem(out)}.units.json`, "utf8")) as Record<string, Record<string, object>>;
      const units = ["units", "shared", "fixed"].flatMap((kind) => Object.values(record[kind]!));
      return units.flatMap((unit) => ("part" in unit ? [] : [`${(unit as { partHash: string }).partHash}.part`])).sort();
    };
    const before = (await readdir(folder)).sort();
    expect(before).toEqual(await named());
    for (const description of ["A person, today.", "A person, tomorrow."]) {
      await writeSpec("people/2025-03-20.json", appSpec("people", "2025-03-20", "Person", description));
      await generate();
      const after = (await readdir(folder)).sort();
      expect(after).toEqual(await named());
      expect(after).toHaveLength(before.length);
    }
    expect((await readdir(folder)).sort()).not.toEqual(before);
  });

  it("renders a unit again when one of its files was edited, and puts it back", async () => {
    const document = path.join(out, "openapi", "groups-2023-07-10.json");
    const rendered = await readFile(document, "utf8");
    await writeFile(document, "{}\n");
    await forgetStore();
    expect(await generate()).toMatch(/: 0 new, 1 changed, 0 removed$/);
    expect(renderedSpecs().get("openapi")).toEqual(["groups/2023-07-10"]);
    expect(renderedSpecs().get("fixtures")).toEqual([]);
    expect(await readFile(document, "utf8")).toBe(rendered);
  });

  it("puts an edited file back from the store, without rendering", async () => {
    const document = path.join(out, "openapi", "groups-2023-07-10.json");
    const rendered = await readFile(document, "utf8");
    await writeFile(document, "{}\n");
    expect(await generate()).toMatch(/: 0 new, 1 changed, 0 removed$/);
    expect([...renderedSpecs().values()].flat()).toEqual([]);
    expect(await readFile(document, "utf8")).toBe(rendered);
  });
});

describe("the store of rendered units", () => {
  it("serves a generate into a new folder: nothing is rendered, and the files are those of the first", async () => {
    const other = path.join(await mkdtemp(path.join(dir, "other-")), "generated");
    expect(await generate(other)).toMatch(/: [1-9]\d* new, 0 changed, 0 removed$/);
    expect([...renderedSpecs().values()].flat()).toEqual([]);
    expect(await contents(other)).toEqual(await contents(out));
  });

  it("keeps each spec's files, never the shared ones, which are put together from the parts again", async () => {
    const entries = (await listFiles(path.join(cache(), "units"))).filter((file) => file.includes("/"));
    const stored = await Promise.all(
      entries.map(async (entry) => {
        const text = await readFile(path.join(cache(), "units", entry), "utf8");
        return (JSON.parse(text.slice(0, text.indexOf("\n"))) as { files: [string, number][] }).files.map(([file]) => file);
      }),
    );
    const files = stored.flat();
    expect(files).toContain("openapi/groups-2023-07-10.json");
    expect(files.filter((file) => ["openapi/latest.json", "README.md", "fixtures/README.md"].includes(file))).toEqual([]);
  });

  it("renders everything with --force, as if nothing were stored", async () => {
    process.env.PCO_CODEGEN_CACHE = cache();
    const run = await runCli(["generate", "--spec", specs, "--out", path.join(await mkdtemp(path.join(dir, "forced-")), "g"), "--force"]);
    expect(run.code, run.stderr).toBe(0);
    expectEverySpecRendered();
  });

  it.each([
    ["is not JSON", () => "{ not json\n"],
    ["is cut short", (entry: string) => entry.slice(0, -1)],
    ["names a path outside the output", (entry: string) => withFile(entry, "../../outside.txt")],
    // At the output's top: in no renderer's folder.
    ["names a file outside its renderer's folder", (entry: string) => withFile(entry, "package.json")],
  ])("renders a unit whose stored entry %s, and writes what a generate from scratch writes", async (_, spoil) => {
    // Entries live in folders named by their key's first two digits; the top holds only the store's own marks.
    const entries = (await listFiles(path.join(cache(), "units"))).filter((file) => file.includes("/"));
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      const file = path.join(cache(), "units", entry);
      await writeFile(file, spoil(await readFile(file, "utf8")));
    }
    const other = path.join(await mkdtemp(path.join(dir, "other-")), "generated");
    await generate(other);
    expectEverySpecRendered();
    expect(await contents(other)).toEqual(await contents(out));
    await expect(lstat(path.join(other, "..", "..", "outside.txt"))).rejects.toThrow(/ENOENT/);
  });
});

/**
 * A dotted query name nests a type per step in the client (a nested include
 * `households.people`, a relational where `event.name`), and the renderers
 * build those types step by step. A spec may hold at most eight steps (the
 * contract's `QueryPath`; the docs go three deep): a spec with a nested
 * include of 50,000 steps crashed `generate` with "internal error: Maximum
 * call stack size exceeded". It is now refused as it is loaded, at its
 * pointer, and nothing is written.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { peopleSpecFolder, type Resource } from "../helpers/people-spec-folder.js";
import { scratchFolder } from "../helpers/scratch.js";

const { folder } = scratchFolder("pco-deep-query-paths-");
/** A spec folder holding the People spec with `edit` applied to its Person; returns it, and Person's index. */
function specFolder(name: string, edit: (person: Resource) => void): { spec: string; index: number } {
  const root = folder(name);
  return { spec: root, index: peopleSpecFolder(root, edit) };
}

const steps = (count: number) => Array.from({ length: count }, (_, i) => (i % 2 === 0 ? "households" : "people")).join(".");

describe("query names of many steps", () => {
  it.each([
    ["a nested include", (count: number) => (p: Resource) => void (p.query.nestedInclude = [steps(count)]), "nestedInclude/0"],
    [
      "a relational where",
      (count: number) => (p: Resource) => void (p.query.relationalWhere = [{ name: `${steps(count - 1)}.name`, type: "string" }]),
      "relationalWhere/0/name",
    ],
  ])("%s of 50,000 steps: generate exits 1 naming the spec and the pointer, and writes nothing", async (_kind, edit, pointer) => {
    const { spec, index } = specFolder(`deep-${pointer.split("/")[0]}`, edit(50_000));
    const out = path.join(folder(`deep-out-${pointer.split("/")[0]}`), "generated");

    const run = await runCli(["generate", "--spec", spec, "--out", out]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`people/2025-03-20.json: error SPEC_SCHEMA: /resources/${index}/query/${pointer} must match pattern`);
    expect(run.stderr).not.toContain("internal error");
    expect(existsSync(out)).toBe(false);
  });

  it("a nested include of eight steps is rendered", async () => {
    const { spec } = specFolder("eight", (p) => void (p.query.nestedInclude = [steps(8)]));
    const out = path.join(folder("eight-out"), "generated");

    const run = await runCli(["generate", "--spec", spec, "--out", out]);

    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(out, "clients", "people", "types.d.ts"), "utf8")).toContain(steps(8));
  }, 60_000);
});

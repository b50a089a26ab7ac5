/**
 * One damaged document can say a great deal: here, a Slate include whose
 * Relationships table has 160,000 rows, each with a "To Many" cell that is
 * neither true nor false, so each is a warning. Spreading that many items
 * into one `push` call passes each as an argument, and past about 125,000
 * (on Node's default stack) V8 throws a RangeError: the scrape crashed with
 * "internal error: Maximum call stack size exceeded". Every warning must be
 * reported and the specs written. The lint rule that forbids spread
 * arguments in the generator and the runtime (eslint.config.js) keeps it so.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendAll } from "../../generator/util/append.js";
import { runCli } from "../helpers/cli.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";
import { scratchFolder } from "../helpers/scratch.js";

const ROWS = 160_000;
const { folder } = scratchFolder("pco-many-diagnostics-");

describe("appendAll", () => {
  it("appends a million items, where a spread into push throws a RangeError", () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [0].push(...items)).toThrow(RangeError);
    const target = [-1];
    appendAll(target, items);
    expect(target).toHaveLength(1_000_001);
    expect(target.at(-1)).toBe(999_999);
  });
});

describeCorpus("a document with more warnings than a call takes arguments", () => {
  it(`scrape reports each of ${ROWS.toLocaleString("en")} warnings at its line and writes the specs`, async () => {
    const source = folder("slate");
    cpSync(path.join(DOCS_DIR, "slate", "2018-03-15", "source"), source, { recursive: true });
    const include = path.join(source, "includes", "_people.md");
    const text = readFileSync(include, "utf8");
    // The include's first table, the Relationships of Addresses: the new rows follow its one row.
    const row = "person | Person | _false_ |\n";
    const at = text.indexOf(row);
    expect(at).toBeGreaterThan(0);
    const firstLine = text.slice(0, at + row.length).split("\n").length;
    const rows = Array.from({ length: ROWS }, (_, i) => `p${i} | Person | maybe | x\n`).join("");
    writeFileSync(include, text.slice(0, at + row.length) + rows + text.slice(at + row.length));
    const out = path.join(folder("out"), "spec");

    const run = await runCli(["scrape", "--from", `slate:${source}`, "--out", out]);

    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const toMany = run.stderr.split("\n").filter((line) => line.includes("warning SLATE_TO_MANY"));
    expect(toMany).toHaveLength(ROWS);
    expect(toMany[0]).toMatch(new RegExp(`_people\\.md:${firstLine}:1: warning SLATE_TO_MANY: .*"To Many" of p0 is "maybe"`));
    expect(toMany.at(-1)).toMatch(new RegExp(`_people\\.md:${firstLine + ROWS - 1}:1: .*of p${ROWS - 1} is "maybe"`));
    expect(existsSync(path.join(out, "people", "legacy.json"))).toBe(true);
  }, 120_000);
});

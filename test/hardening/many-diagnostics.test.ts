/**
 * One damaged document can say a great deal: here, an official OpenAPI
 * document whose first listing takes 160,000 query parameters the spec does
 * not record, each a warning. Spreading that many items into one `push` call
 * passes each as an argument, and past about 125,000 (on Node's default
 * stack) V8 throws a RangeError: the scrape crashed with "internal error:
 * Maximum call stack size exceeded". Every warning must be reported and the
 * spec written. The lint rule that forbids spread arguments in the generator
 * and the runtime (eslint.config.js) keeps it so.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendAll } from "../../generator/util/append.js";
import { runCli } from "../helpers/cli.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";
import { scratchFolder } from "../helpers/scratch.js";

const PARAMETERS = 160_000;
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

interface Document {
  paths: Record<string, { get?: { parameters?: unknown[] } }>;
}

describeCorpus("a document with more warnings than a call takes arguments", () => {
  it(`scrape reports each of ${PARAMETERS.toLocaleString("en")} warnings at its pointer and writes the spec`, async () => {
    const official = path.join(DOCS_DIR, "openapi", "official-2026-07", "current", "v2", "open_api", "2018-08-01.json");
    const document = JSON.parse(readFileSync(official, "utf8")) as Document;
    const [listPath, item] = Object.entries(document.paths).find(([, i]) => i.get !== undefined)!;
    const parameters = (item.get!.parameters ??= []);
    const first = parameters.length;
    for (let i = 0; i < PARAMETERS; i += 1) parameters.push({ name: `x${i}`, in: "query", schema: { type: "string" } });
    const file = path.join(folder("openapi"), "current.json");
    writeFileSync(file, JSON.stringify(document));
    const out = path.join(folder("out"), "spec");

    const run = await runCli(["scrape", "--from", `openapi:${file}`, "--out", out]);

    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    const unmapped = run.stderr.split("\n").filter((line) => line.includes("warning OPENAPI_UNMAPPED_PARAMETER"));
    expect(unmapped).toHaveLength(PARAMETERS);
    const pointer = `/paths/${listPath.replaceAll("~", "~0").replaceAll("/", "~1")}/get/parameters`;
    // Printed in order of message (they have no line): each parameter once, at its own pointer.
    const at = new Map(unmapped.map((line) => [/parameter (x\d+) /.exec(line)![1], line]));
    expect(at.size).toBe(PARAMETERS);
    expect(at.get("x0")).toContain(`skipped (at ${pointer}/${first})`);
    expect(at.get(`x${PARAMETERS - 1}`)).toContain(`skipped (at ${pointer}/${first + PARAMETERS - 1})`);
    expect(existsSync(path.join(out, "current", "2018-08-01.json"))).toBe(true);
  }, 120_000);
});

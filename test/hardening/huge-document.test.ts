/**
 * Diagnostics on a 20 MB document: a vertex of 100,000 attributes, ten of them
 * without a type annotation, spread from the start to the end. The real CLI
 * reports each at the line the test wrote it on, with a peak RSS far below
 * what a parse tree of the whole document costs (a tree per document was
 * measured at 780 MB for 20 MB).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";
import { runCliMeasured } from "./peak-rss.js";

const VERTICES = path.join("webhooks", "v2", "documentation", "2018-08-01", "vertices");
const ATTRIBUTES = 100_000;
const UNTYPED_EVERY = 10_000;
const work = mkdtempSync(path.join(tmpdir(), "pco-huge-document-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeCorpus("a 20 MB document", () => {
  it("reaches every diagnostic at its line, linearly, in well under the memory of a parse tree", async () => {
    const mirror = path.join(work, "mirror");
    cpSync(path.join(DOCS_DIR, "portal", "captured-2022-12", "webhooks"), path.join(mirror, "webhooks"), { recursive: true });
    const file = path.join(mirror, VERTICES, "event.json");
    const vertex = JSON.parse(readFileSync(file, "utf8")) as { data: { relationships: { attributes: { data: unknown[] } } } };
    vertex.data.relationships.attributes.data = [];
    // One attribute per line, so that the test knows the line of each.
    const [head, tail] = JSON.stringify(vertex).split('"attributes":{"data":[]}');
    const lines = [`${head}"attributes":{"data":[`];
    const expected: number[] = [];
    for (let i = 0; i < ATTRIBUTES; i += 1) {
      const untyped = i % UNTYPED_EVERY === UNTYPED_EVERY - 1;
      const attributes = {
        name: `field_${i}`,
        ...(untyped ? {} : { type_annotation: { name: "string", example: "x".repeat(100) } }),
        description: "d".repeat(60),
      };
      if (untyped) expected.push(lines.length + 1);
      lines.push(`${JSON.stringify({ type: "Attribute", attributes })}${i === ATTRIBUTES - 1 ? "" : ","}`);
    }
    lines.push(`]}${tail}`);
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(20_000_000);
    writeFileSync(file, text);

    const run = await runCliMeasured(["scrape", "--strict", "--from", `portal:${mirror}`, "--out", path.join(work, "out")], work);
    // Under --strict, each attribute without a type is an error at its place, and no spec is written.
    expect(run.code).toBe(1);
    const reported = run.lines
      .filter((l) => l.includes("PORTAL_TYPE_REPAIRED"))
      .map((l) => Number(/event\.json:(\d+):\d+: error/.exec(l)?.[1]));
    expect(reported).toEqual(expected);
    expect(run.peakRssMb).toBeLessThan(400);
  }, 120_000);
});

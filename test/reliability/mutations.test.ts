/**
 * The fuzzer's own parts: each mutation does the damage it is named for, and
 * the generator is reproducible from a seed.
 */
import { describe, expect, it } from "vitest";
import { HUGE_LINE_LENGTH, HUGE_VALUE_LENGTH, MUTATIONS, NESTING_DEPTH, type Mutation } from "../../generator/fuzz/mutations.js";
import { caseSeed, Random } from "../../generator/fuzz/random.js";

const MARKDOWN = [
  "# PCO Things",
  "",
  "## Things",
  "",
  "| Name | Type |",
  "| ---- | ---- |",
  "| id | primary_key |",
  "| name | string |",
  "",
  "### List Things",
  "",
  "```json",
  '{ "data": [{ "type": "Thing", "id": "1" }] }',
  "```",
].join("\n");

const VERTEX = JSON.stringify({
  data: {
    type: "Vertex",
    id: "thing",
    attributes: { name: "Thing", example: '{"type":"Thing","id":"1"}' },
    relationships: {
      attributes: {
        data: [
          { type: "Attribute", id: "id", attributes: { name: "id" } },
          { type: "Attribute", id: "name", attributes: { name: "name" } },
        ],
      },
    },
  },
});

const mutation = (name: string): Mutation => MUTATIONS.find((m) => m.name === name)!;
const lines = (text: string) => text.split("\n");
const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? []).length;
/** The deepest bracket nesting of JSON text. */
function depth(text: string): number {
  let deepest = 0;
  let current = 0;
  for (const c of text) {
    if (c === "[" || c === "{") deepest = Math.max(deepest, ++current);
    else if (c === "]" || c === "}") current -= 1;
  }
  return deepest;
}

/** Applies a mutation under 20 seeds, so that each property holds wherever it strikes. */
function eachApplication(name: string, input: string, check: (output: string) => void): void {
  for (let seed = 1; seed <= 20; seed += 1) check(mutation(name).apply(input, new Random(seed)));
}

describe("mutations", () => {
  it.each([
    ["truncate", MARKDOWN, (out: string) => expect(MARKDOWN.startsWith(out)).toBe(true)],
    ["delete-line", MARKDOWN, (out: string) => expect(lines(out)).toHaveLength(lines(MARKDOWN).length - 1)],
    ["delete-bracket", VERTEX, (out: string) => expect(count(out, /[{}[\]]/)).toBe(count(VERTEX, /[{}[\]]/) - 1)],
    ["duplicate-bracket", VERTEX, (out: string) => expect(count(out, /[{}[\]]/)).toBe(count(VERTEX, /[{}[\]]/) + 1)],
    ["delete-row", MARKDOWN, (out: string) => expect(count(out, /^\|.*\|$/m)).toBe(count(MARKDOWN, /^\|.*\|$/m) - 1)],
    ["duplicate-row", MARKDOWN, (out: string) => expect(count(out, /^\|.*\|$/m)).toBe(count(MARKDOWN, /^\|.*\|$/m) + 1)],
    ["delete-row", VERTEX, (out: string) => expect(count(out, /\{"type":/)).toBe(count(VERTEX, /\{"type":/) - 1)],
    ["duplicate-row", VERTEX, (out: string) => expect(count(out, /\{"type":/)).toBe(count(VERTEX, /\{"type":/) + 1)],
    [
      "swap-headings",
      MARKDOWN,
      (out: string) => {
        expect([...lines(out)].sort()).toEqual([...lines(MARKDOWN)].sort());
        expect(lines(out).filter((l) => l.startsWith("#"))).not.toEqual(lines(MARKDOWN).filter((l) => l.startsWith("#")));
      },
    ],
    ["random-bytes", MARKDOWN, (out: string) => expect(out.length - MARKDOWN.length).toBeGreaterThanOrEqual(1)],
    ["random-bytes", MARKDOWN, (out: string) => expect(out.length - MARKDOWN.length).toBeLessThanOrEqual(64)],
    ["bom", MARKDOWN, (out: string) => expect(out.replace("\ufeff", "")).toBe(MARKDOWN)],
    [
      "line-endings",
      MARKDOWN,
      (out: string) => {
        expect(out).not.toMatch(/[^\r]\n/);
        expect(out.replace(/\r\n?/g, "\n")).toBe(MARKDOWN);
      },
    ],
    ["nul", MARKDOWN, (out: string) => expect(out.replace(/\u0000/g, "")).toBe(MARKDOWN)],
  ])("%s", (name, input, check) => {
    eachApplication(name, input, check);
  });

  it("duplicate-line repeats one line in place", () => {
    eachApplication("duplicate-line", MARKDOWN, (out) => {
      const outLines = lines(out);
      const i = outLines.findIndex((line, j) => line !== lines(MARKDOWN)[j]);
      const at = i === -1 ? outLines.length - 1 : i;
      expect(outLines[at]).toBe(outLines[at - 1]);
      expect([...outLines.slice(0, at), ...outLines.slice(at + 1)]).toEqual(lines(MARKDOWN));
    });
  });

  it("huge-line adds a line of 10 MB", () => {
    const out = mutation("huge-line").apply(MARKDOWN, new Random(3));
    expect(Math.max(...lines(out).map((l) => l.length))).toBeGreaterThanOrEqual(HUGE_LINE_LENGTH);
  });

  it("huge-value makes one string of the JSON a megabyte long, keeping its start and the document valid", () => {
    const strings = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : typeof value === "object" && value !== null
          ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)])
          : [];
    const before = strings(JSON.parse(VERTEX));
    for (let seed = 1; seed <= 12; seed += 1) {
      const after = strings(JSON.parse(mutation("huge-value").apply(VERTEX, new Random(seed))));
      const grown = after.filter((s) => !before.includes(s));
      expect(grown).toHaveLength(1);
      expect(grown[0]!.length).toBeGreaterThanOrEqual(HUGE_VALUE_LENGTH);
      expect(before.some((s) => s.length > 0 && grown[0]!.startsWith(s.slice(0, 19).split("\\")[0]!))).toBe(true);
    }
  });

  it("deep-nesting nests JSON 100,000 levels deep, in the document or in its embedded example", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed += 1) {
      const out = mutation("deep-nesting").apply(VERTEX, new Random(seed));
      const document = JSON.parse(out) as { data: { attributes: { example: string } } };
      const example = document.data.attributes.example;
      if (depth(example) >= NESTING_DEPTH) seen.add("example");
      else {
        expect(depth(out)).toBeGreaterThanOrEqual(NESTING_DEPTH);
        seen.add("document");
      }
    }
    expect([...seen].sort()).toEqual(["document", "example"]);
  });
});

describe("the seeded generator", () => {
  it("gives the same numbers for the same seed, and others for another", () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 8 },
        (
          (r) => () =>
            r.next()
        )(new Random(seed)),
      );
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const x of draw(7)) expect(x >= 0 && x < 1).toBe(true);
  });

  it("gives every case of a run a seed of its own", () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => caseSeed(1, i)));
    expect(seeds.size).toBe(10_000);
  });
});

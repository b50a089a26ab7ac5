/**
 * The repair policy on Slate docs (docs/readers.md): a type cell that is a
 * synonym is repaired, one that cannot be read costs that one fact, each with
 * one warning at its line; a table cut by a multi-line cell is re-joined where
 * the next rows have its columns, and reported, quoting the row, where they do
 * not. `--strict` makes the repairs errors.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, corpusPath, describeCorpus } from "../helpers/corpus.js";
import { runCliProcess } from "../helpers/cli-process.js";
import { errorsOf, lineOf, scrape, specOf } from "./read.js";

const REPAIRS = "test/fixtures/slate/repairs";

/** The rows of the fixture's "Resource Attributes" table, read from its text: name → type cell. */
function typeCells(file: string): Map<string, string> {
  const lines = readFileSync(file, "utf8").split("\n");
  const start = lines.indexOf("Attribute | Type") + 2;
  return new Map(
    lines
      .slice(start)
      .filter((l) => l.includes("|"))
      .map((l) => l.split("|").map((c) => c.trim()) as [string, string]),
  );
}

describe("repairs of Slate docs", () => {
  const file = `${REPAIRS}/odd-types.md`;

  it("keeps every attribute of a resource whose type cells are a synonym, empty, a class name or an unknown word, with one warning per such cell", async () => {
    const result = await scrape(`slate:${file}`);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    const thing = specOf(result, "things").resources[0]!;
    const cells = typeCells(file);
    expect(thing.attributes.map((a) => a.name)).toEqual(["id", ...cells.keys()].sort());
    const odd = [...cells.entries()].filter(([, type]) => !["string", "date_time"].includes(type)).map(([name]) => name);
    expect(odd).toHaveLength(4);
    const warnings = result.diagnostics.filter((d) => d.code === "SLATE_TYPE_REPAIRED");
    expect(warnings.map((d) => [d.severity, d.line])).toEqual(odd.map((name) => ["warning", lineOf(file, `${name} |`)]));
    expect(thing.attributes.filter((a) => odd.includes(a.name))).toEqual([
      { name: "count", type: "integer", typeOrigin: "repaired", documentedAs: "int" },
      // An empty cell, and a word the docs never define: the example value ("USD", 1) is evidence of the type.
      { name: "price", type: "string", typeOrigin: "inferred" },
      // A class name, and an example value ({}) that says nothing: unknown.
      { name: "secret", type: "unknown" },
      { name: "size", type: "integer", typeOrigin: "inferred" },
    ]);
    expect(warnings.map((d) => d.message)).toEqual([
      'PCO Things Things.count: the type "int" is read as "integer"',
      'PCO Things Things.price: the type cell is empty; typed "string" from its example value',
      'PCO Things Things.secret: "Pco::Vault::Secret" is a class name, not a type annotation; typed "unknown"',
      'PCO Things Things.size: "dimension" is not a type annotation the docs define; typed "integer" from its example value',
    ]);
  });

  it("the real CLI writes the spec and exits 0; with --strict it writes nothing and exits 1", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "pco-repairs-"));
    try {
      const lenient = await runCliProcess(["scrape", "--from", `slate:${file}`, "--out", path.join(out, "lenient")], { cwd: REPO_ROOT });
      expect(lenient.code).toBe(0);
      expect(existsSync(path.join(out, "lenient", "things", "legacy.json"))).toBe(true);
      const strict = await runCliProcess(["scrape", "--strict", "--from", `slate:${file}`, "--out", path.join(out, "strict")], {
        cwd: REPO_ROOT,
      });
      expect(strict.code).toBe(1);
      expect(strict.stderr.match(/error SLATE_TYPE_REPAIRED/g)).toHaveLength(4);
      expect(existsSync(path.join(out, "strict", "things", "legacy.json"))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("re-joins an actions table cut by a description over two paragraphs and stray ` |  | ` rows", async () => {
    const broken = `${REPAIRS}/broken-table.md`;
    const result = await scrape(`slate:${broken}`);
    const thing = specOf(result, "things").resources[0]!;
    expect(thing.actions.map((a) => [a.name, a.description])).toEqual([
      ["open", "Returns the thing's file URL."],
      ["polish", "Polishes the thing.\n\nIt shines afterwards."],
    ]);
    expect(result.diagnostics.filter((d) => d.code === "SLATE_UNPLACED")).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === "SLATE_TABLE_REJOINED").map((d) => d.line)).toEqual([lineOf(broken, " |  | ", 2)]);
  });

  it("warns, quoting the row, where the rows after the break do not have the table's columns", async () => {
    const unjoinable = `${REPAIRS}/unjoinable-table.md`;
    const result = await scrape(`slate:${unjoinable}`);
    const thing = specOf(result, "things").resources[0]!;
    expect(thing.actions.map((a) => a.name)).toEqual(["polish"]);
    expect(result.diagnostics.filter((d) => d.code === "SLATE_TABLE_ROW").map((d) => [d.line, d.message])).toEqual([
      [
        lineOf(unjoinable, "open |"),
        'the row "open | https://api.example.com/things/v2/things/1/open" follows a table of 3 columns but has 2; not joined to the table',
      ],
    ]);
  });
});

describeCorpus("slate/2017-07-05: the Attachment actions table, cut by a multi-line description", () => {
  it("gives the open action, the way to an attachment's file URL, beside preview", async () => {
    const source = corpusPath("slate", "2017-07-05", "source");
    const include = path.join(REPO_ROOT, source, "includes", "_services.md");
    // The actions the page lists, recounted from its pipe rows under "Actions for an Attachment".
    const text = readFileSync(include, "utf8");
    const section = text.slice(
      text.indexOf("### Actions for an Attachment"),
      text.indexOf("\n### ", text.indexOf("### Actions for an Attachment") + 1),
    );
    const listed = [...section.matchAll(/^(\w+) \| https:\/\/\S+\/attachments\/1\/(\w+) \|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(["open", "preview"]);
    const result = await scrape(`slate:${source}`);
    const attachment = specOf(result, "services").resources.find((r) => r.type === "Attachment")!;
    expect(attachment.actions.map((a) => a.name)).toEqual(listed);
    expect(attachment.actions.find((a) => a.name === "open")!.path).toBe("/services/v2/songs/{song_id}/attachments/{attachment_id}/open");
  });
});

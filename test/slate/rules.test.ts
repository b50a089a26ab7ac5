/**
 * One rule of the Slate readers per fixture: what is read, what is repaired
 * with a warning, and what is reported, always at its file and line.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { FIXTURES, lineOf, scrape, specOf } from "./read.js";

const RULES = `${FIXTURES}/rules`;

const at = (diagnostics: readonly Diagnostic[], code: string) =>
  diagnostics.filter((d) => d.code === code).map((d) => ({ severity: d.severity, file: d.file, line: d.line }));

describe("Slate rules", () => {
  it("warns about a heading and a table it does not know, at their lines, and reads the rest", async () => {
    const file = `${RULES}/unknown-parts.md`;
    const result = await scrape(`slate:${file}`);
    expect(at(result.diagnostics, "SLATE_UNKNOWN_HEADING")).toEqual([
      { severity: "warning", file, line: lineOf(file, "#### Secret Sauce") },
      { severity: "warning", file, line: lineOf(file, "### Sing a Song") },
    ]);
    expect(at(result.diagnostics, "SLATE_UNKNOWN_TABLE")).toEqual([{ severity: "warning", file, line: lineOf(file, "Colour | Shade") }]);
    expect(specOf(result, "things").resources[0]!.endpoints).toEqual([{ operation: "list", method: "GET", path: "/things/v2/things" }]);
  });

  it("reports the same unknown heading at its line in the built page", async () => {
    const file = `${RULES}/unknown-heading.html`;
    const result = await scrape(`slate:${file}`);
    expect(at(result.diagnostics, "SLATE_UNKNOWN_HEADING")).toEqual([{ severity: "warning", file, line: lineOf(file, "Secret Sauce") }]);
  });

  it("reports a line of saved text it cannot place, at its line", async () => {
    const file = `${RULES}/unplaced-line.txt`;
    const result = await scrape(`slate:${file}`);
    expect(at(result.diagnostics, "SLATE_UNPLACED")).toEqual([{ severity: "warning", file, line: lineOf(file, "A stray line") }]);
    expect(specOf(result, "things").resources[0]!.query.perPage).toEqual({ min: 1, max: 100, default: 25 });
  });

  it("splices in the includes its front matter lists, and says which one is missing", async () => {
    const result = await scrape(`slate:${RULES}/missing-include`);
    expect(at(result.diagnostics, "SLATE_MISSING_INCLUDE")).toEqual([
      { severity: "error", file: `${RULES}/missing-include/index.md`, line: 1 },
    ]);
    expect(result.diagnostics.find((d) => d.code === "SLATE_MISSING_INCLUDE")?.message).toContain("includes/_nowhere.md");
    expect(specOf(result, "things").resources.map((r) => r.type)).toEqual(["Thing"]);
  });

  it("reads a list that follows a paragraph line as more of it, as the site's renderer did, up to a blank line", async () => {
    const file = `${RULES}/list-continues-paragraph.md`;
    const result = await scrape(`slate:${file}`);
    expect(specOf(result, "things").resources[0]!.description).toBe(
      "Some things may be missing: - the thing was deleted - the thing was never made",
    );
    expect(at(result.diagnostics, "SLATE_LIST_OMITTED")).toEqual([
      { severity: "info", file, line: lineOf(file, "- this item stands after") },
    ]);
  });

  it("reads a table whose delimiter row is longer than its header, with a warning", async () => {
    const file = `${RULES}/malformed-table.md`;
    const result = await scrape(`slate:${file}`);
    expect(at(result.diagnostics, "SLATE_TABLE_REPAIRED")).toEqual([
      { severity: "warning", file, line: lineOf(file, "| operator | usage | result |") },
    ]);
    expect(specOf(result, "things").api?.whereOperators).toEqual([
      { operator: "[gt]=", usage: "?where[created_at][gt]=2018-02-22", result: "created after February 22nd, 2018" },
      { operator: "[lt]=", usage: "?where[created_at][lt]=2018-02-22", result: "created before February 22nd, 2018" },
    ]);
  });

  it("takes a heading as the type where the app's associations name it so, not its singular", async () => {
    const result = await scrape(`slate:${RULES}/heading-is-type.md`);
    const spec = specOf(result, "widgets");
    expect(spec.resources.map((r) => [r.type, r.id])).toEqual([
      ["Widget", "widget"],
      ["WidgetMetadata", "widget_metadata"],
    ]);
    expect(spec.resources[0]!.associations.map((a) => a.target)).toEqual(["WidgetMetadata"]);
  });

  it("reads a description indented like code as text, with a warning", async () => {
    const file = `${RULES}/indented-description.md`;
    const result = await scrape(`slate:${file}`);
    expect(specOf(result, "things").resources[0]!.description).toBe("A thing, indented like code.");
    expect(at(result.diagnostics, "SLATE_INDENTED_DESCRIPTION")).toEqual([
      { severity: "warning", file, line: lineOf(file, "A thing, indented") },
    ]);
  });

  it("marks the includes that may be created inline, and keeps the operation's notes", async () => {
    const result = await scrape(`slate:${RULES}/included-resources.md`);
    const thing = specOf(result, "things").resources[0]!;
    expect(thing.query.include).toEqual(["owner", "parts"]);
    expect(thing.query.assignableIncludes).toEqual({ create: ["parts"], update: [] });
    expect(thing.permissions.notes).toEqual({ create: "When creating a Thing, every Part must have a size." });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("types attributes from example values, marking the type inferred where the value is realistic, and leaves out an endpoint without a URL", async () => {
    const file = `${RULES}/untyped-and-no-url.md`;
    const result = await scrape(`slate:${file}`);
    const thing = specOf(result, "things").resources[0]!;
    // A realistic value ("USD", a date that is not the docs' sample 2000-01-01) is evidence of its JSON type: inferred.
    expect(thing.attributes.map((a) => [a.name, a.type, a.typeOrigin])).toEqual([
      ["colour", "string", "inferred"],
      ["id", "primary_key", undefined],
      ["made_on", "date", "inferred"],
      ["options", "unknown", undefined],
    ]);
    const json = lineOf(file, "```json");
    expect(at(result.diagnostics, "SLATE_UNTYPED_ATTRIBUTE")).toEqual([{ severity: "warning", file, line: json }]);
    expect(at(result.diagnostics, "SLATE_NO_URL")).toEqual([{ severity: "warning", file, line: lineOf(file, "`GET `") }]);
    expect(thing.endpoints.map((e) => e.operation)).toEqual(["get"]);
  });

  it("attaches Attribute Info notes to attributes, leaving out what only a bulleted list said", async () => {
    const file = `${RULES}/attribute-info.md`;
    const result = await scrape(`slate:${file}`);
    const thing = specOf(result, "things").resources[0]!;
    expect(thing.attributes).toEqual([
      { name: "colour", type: "string", note: "One of red or blue." },
      { name: "id", type: "primary_key" },
      { name: "size", type: "string" },
    ]);
    expect(at(result.diagnostics, "SLATE_EMPTY_NOTE")).toEqual([{ severity: "info", file, line: lineOf(file, ">size<") }]);
    expect(at(result.diagnostics, "SLATE_NOTE_WITHOUT_ATTRIBUTE")).toEqual([{ severity: "warning", file, line: lineOf(file, ">weight<") }]);
  });
});

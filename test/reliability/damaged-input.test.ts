/**
 * Damage the fuzzer found harmful, each pinned by a test through the command
 * line (exit code, the one line that says where, what is written) or the
 * readers: a line of 10 MB, JSON nested 100,000 levels deep (or ten million
 * brackets never closed), HTML and markdown nested thousands deep, a content
 * column of tens of thousands of elements, paragraphs that make the markdown
 * parser quadratic, a truncated document, a byte order mark and CRLF line
 * endings, a document in UTF-16 or with bytes that are not UTF-8.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSeeds, type Seed } from "../../generator/fuzz/targets.js";
import { MAX_JSON_DEPTH, parseJson, parseJsonNestedAtMost } from "../../generator/json-text.js";
import { GeneratorError } from "../../generator/diagnostics.js";
import { buildSpecs } from "../../generator/scrape.js";
import { MAX_DOCUMENT_DEPTH, readDocument } from "../../generator/sources/openapi/reader.js";
import { readSource } from "../../generator/sources/read-source.js";
import { MAX_LINE_LENGTH } from "../../generator/sources/slate/documents.js";
import { readHtml } from "../../generator/sources/slate/html.js";
import { MAX_HTML_DEPTH } from "../../generator/sources/slate/html-limits.js";
import { readMarkdown } from "../../generator/sources/slate/markdown.js";
import { MAX_MARKDOWN_NESTING, MAX_TABLE_LINES } from "../../generator/sources/slate/markdown-limits.js";
import { markdownPage } from "../../generator/sources/portal-page/markdown-blocks.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import { runCli } from "../helpers/cli.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";
import { cpuMs } from "../helpers/cpu-time.js";
import { scratchFolder } from "../helpers/scratch.js";

const { work, folder } = scratchFolder("pco-damaged-");
const shown = (file: string) => path.relative(process.cwd(), file).split(path.sep).join("/");

/** A copy of the 2025 capture's webhooks docs (five vertices, no Graph), to damage. */
function webhooksMirror(): { root: string; vertex: (name: string) => string } {
  const root = folder("portal");
  cpSync(path.join(DOCS_DIR, "portal/captured-2025-07/webhooks"), path.join(root, "webhooks"), { recursive: true });
  return { root, vertex: (name) => path.join(root, "webhooks/v2/documentation/2022-10-20/vertices", `${name}.json`) };
}

const scrape = (from: string, out: string) => runCli(["scrape", "--from", from, "--out", out]);

// CPU time, not the clock: a refusal must come before the work it refuses, however busy the machine.
describe("JSON nested deeper than any document of the docs", () => {
  it("is refused where the nesting goes too deep, not handed to recursive code", () => {
    const text = `{"data":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const result = parseJson(text);
    // The object is level 1, so the limit is passed at the 100th bracket, after the 8 characters of `{"data":`.
    expect(result).toEqual({
      ok: false,
      message: `nested more than ${MAX_JSON_DEPTH} levels deep`,
      position: { line: 1, column: 8 + MAX_JSON_DEPTH },
    });
  });

  it("is refused before it is parsed: ten million open brackets cost a scan, not the seconds a parse takes to fail", () => {
    const text = `{"data":${"[".repeat(10_000_000)}`;
    let result: ReturnType<typeof parseJson> | undefined;
    const ms = cpuMs(() => {
      result = parseJson(text);
    });
    expect(result).toEqual({
      ok: false,
      message: `nested more than ${MAX_JSON_DEPTH} levels deep`,
      position: { line: 1, column: 8 + MAX_JSON_DEPTH },
    });
    expect(ms).toBeLessThan(1000);
  });

  it("is accepted up to the limit", () => {
    const depth = MAX_JSON_DEPTH;
    const result = parseJson(`${"[".repeat(depth)}${"]".repeat(depth)}`);
    expect(result.ok).toBe(true);
  });

  it("under a bound of a reader's own, is accepted up to it and refused at the bracket that passes it", () => {
    expect(parseJsonNestedAtMost(`${"[".repeat(1000)}${"]".repeat(1000)}`, 1000)).toEqual({ ok: true, value: expect.any(Array) });
    expect(parseJsonNestedAtMost(`\ufeff${"[".repeat(1001)}${"]".repeat(1001)}`, 1000)).toEqual({
      ok: false,
      message: "nested more than 1000 levels deep",
      position: { line: 1, column: 1002 },
    });
    // Brackets inside strings nest nothing, but count: fewer than the bound need no measure, more are measured.
    expect(parseJsonNestedAtMost(JSON.stringify(["[".repeat(5000)]), 1000)).toMatchObject({ ok: true });
  });

  it("an error in megabytes of invalid JSON is placed without reading past it", () => {
    const text = `[1, a${" b".repeat(5_000_000)}`;
    let result: ReturnType<typeof parseJson> | undefined;
    const ms = cpuMs(() => {
      result = parseJson(text);
    });
    expect(result).toMatchObject({ ok: false, position: { line: 1, column: 5 } });
    expect(ms).toBeLessThan(1000);
  });

  // V8 places neither of these errors: the position is found in the text, through megabytes of blanks.
  it.each([
    ["an end that comes too soon", `{"a":\n${" ".repeat(30_000_000)}`, "Unexpected end of JSON input", { line: 2, column: 30_000_001 }],
    [
      "a bad token after a long run of blanks",
      `[1,\n${"\t ".repeat(15_000_000)}x]`,
      "Unexpected token 'x'",
      { line: 2, column: 30_000_001 },
    ],
  ])("%s, after 30 MB of blanks, is placed in a fraction of a second", (_case, text, message, position) => {
    let result: ReturnType<typeof parseJson> | undefined;
    const ms = cpuMs(() => {
      result = parseJson(text);
    });
    expect(result).toEqual({ ok: false, message, position });
    expect(ms).toBeLessThan(1000);
  });

  it("places errors after shortened runs of blanks where they are in the text", () => {
    const blanks = (n: number) => " ".repeat(n);
    expect(parseJson(`[${blanks(100)}\n${blanks(200)}1, ${blanks(70)}x]`)).toMatchObject({ position: { line: 2, column: 274 } });
    expect(parseJson(`[1, ${blanks(64)}x]`)).toMatchObject({ position: { line: 1, column: 69 } });
    expect(parseJson(`[1, ${blanks(65)}x]`)).toMatchObject({ position: { line: 1, column: 70 } });
    expect(parseJson(`{"a": ${blanks(99)}tru`)).toMatchObject({
      message: "Unexpected end of JSON input",
      position: { line: 1, column: 106 },
    });
  });

  it("keeps the text's own characters out of the message: no excerpt, control characters escaped", () => {
    expect(parseJson("[1,\n2,\n]")).toEqual({ ok: false, message: "Unexpected token ']'", position: { line: 3, column: 1 } });
    expect(parseJson("[\u001b]")).toMatchObject({ ok: false, message: "Unexpected token '\\u001b'", position: { line: 1, column: 2 } });
  });
});

describeCorpus("an official OpenAPI document nested deeper than any", () => {
  const file = path.join(DOCS_DIR, "openapi/official-2026-07/check-ins/v2/open_api/2025-05-28.json");
  const official = () => readFileSync(file, "utf8");
  const location = "check-ins/v2/open_api/2025-05-28.json";

  // Found by the fuzzer: a line of ten million "[" made JSON.parse take 5 to 7 s of CPU time only to fail at the end.
  it("is refused at the bracket that passes the bound, before it is parsed: ten million open brackets cost a count and a scan", () => {
    const [first, ...rest] = official().split("\n");
    const text = [first, "[".repeat(10_000_000), ...rest].join("\n");
    let thrown: unknown;
    const ms = cpuMs(() => {
      try {
        readDocument({ text, location });
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).toBeInstanceOf(GeneratorError);
    expect((thrown as GeneratorError).diagnostics).toEqual([
      expect.objectContaining({
        code: "OPENAPI_INVALID_JSON",
        message: `invalid JSON: nested more than ${MAX_DOCUMENT_DEPTH} levels deep`,
        file: location,
        // The document's own object, on line 1, is the first level: the line's bracket at this column is one level too many.
        line: 2,
        column: MAX_DOCUMENT_DEPTH,
      }),
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it("is read as it is up to the bound: a value nested a thousand levels deep in an extension changes nothing read", () => {
    const text = official();
    const deep = text.replace('"paths": {', `"x-deep": ${"[".repeat(1000)}${"]".repeat(1000)},\n  "paths": {`);
    expect(deep).not.toBe(text);
    expect(readDocument({ text: deep, location })).toEqual(readDocument({ text, location }));
  });
});

describe("nesting no page of the docs has", () => {
  it("a built page nested 20,000 elements deep: an error where the limit is passed, in a fraction of a second", () => {
    let read: ReturnType<typeof readHtml> | undefined;
    const ms = cpuMs(() => {
      read = readHtml(`<div class="content">\n<h1>PCO Things</h1>\n<p>${"<b>".repeat(20_000)}deep</p>\n</div>`, "page.html");
    });
    expect(read!.blocks).toEqual([]);
    expect(read!.diagnostics).toEqual([
      // The content <div> and the <p> are open: the limit is passed at the 99th <b>, after the 3 characters of <p>.
      expect.objectContaining({
        severity: "error",
        code: "SLATE_TOO_DEEP",
        file: "page.html",
        line: 3,
        column: 4 + 3 * (MAX_HTML_DEPTH - 2),
      }),
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it("a built page whose elements are never ended, however many end tags of nothing it has: refused as fast", () => {
    let read: ReturnType<typeof readHtml> | undefined;
    const ms = cpuMs(() => {
      read = readHtml(`<div class="content">\n${"<div></x>".repeat(20_000)}\n</div>`, "page.html");
    });
    expect(read!.diagnostics).toEqual([expect.objectContaining({ code: "SLATE_TOO_DEEP", line: 2 })]);
    expect(ms).toBeLessThan(1000);
  });

  it("a built page of 30,000 rules side by side: read in time that grows with them, a line break read as a space", () => {
    let read: ReturnType<typeof readHtml> | undefined;
    const ms = cpuMs(() => {
      read = readHtml(`<div class="content">\n<h1>PCO Things</h1>\n${"<hr>".repeat(30_000)}\n<p>one<br>two</p>\n</div>`, "page.html");
    });
    expect(read!.blocks.slice(1)).toEqual([{ kind: "paragraph", text: "one two", origin: { file: "page.html", line: 4, column: 1 } }]);
    // Checking each child of the content column against every other, as cheerio's `find` from it does, takes seconds.
    expect(ms).toBeLessThan(1000);
  });

  it.each(["> ", "1. ", "- "])("a markdown line of 20,000 %j: an error at the line, read in a fraction of a second", (marker) => {
    let read: ReturnType<typeof readMarkdown> | undefined;
    const ms = cpuMs(() => {
      read = readMarkdown({ text: `# PCO Things\n\n## Things\n\n${marker.repeat(20_000)}deep\n`, location: "page.md" });
    });
    expect(read!.blocks).toEqual([]);
    expect(read!.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", code: "SLATE_TOO_DEEP", file: "page.md", line: 5, column: 1 }),
    ]);
    expect(ms).toBeLessThan(1000);
  });

  // Each line opens one list item, indented two columns past the one above: nested by the lines, not by one line's markers.
  const staircase = (lines: number) => Array.from({ length: lines }, (_, i) => `${"  ".repeat(i)}- step\n`).join("");

  it("markdown list items each indented under the last, a thousand deep: an error where the limit is passed, in a fraction of a second", () => {
    let read: ReturnType<typeof readMarkdown> | undefined;
    const ms = cpuMs(() => {
      read = readMarkdown({ text: `# PCO Things\n\n## Things\n\n${staircase(1000)}`, location: "page.md" });
    });
    expect(read!.blocks).toEqual([]);
    // The list starts at line 5; the item of line 5 + 32 is the 33rd deep.
    expect(read!.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", code: "SLATE_TOO_DEEP", file: "page.md", line: 5 + MAX_MARKDOWN_NESTING, column: 1 }),
    ]);
    expect(ms).toBeLessThan(1000);
  });

  const table = (rows: number) => `| Name | Type |\n| --- | --- |\n${"| name | string |\n".repeat(rows)}`;

  // Each page starts its damage at line 5: the staircase's 33rd item is the first too deep; the table's header, delimiter and
  // rows are the lines with a "|".
  it.each([
    ["the same staircase", "37 s", staircase(1000), "SLATE_TOO_DEEP", 5 + MAX_MARKDOWN_NESTING],
    ["a table of 100,000 rows", "20 s", table(100_000), "SLATE_TOO_COMPLEX", 5 + MAX_TABLE_LINES],
  ])(
    "%s in a saved portal page: refused where the limit is passed, before the parser (which took it %s)",
    (_what, _took, body, code, line) => {
      let page: ReturnType<typeof markdownPage> | undefined;
      const ms = cpuMs(() => {
        page = markdownPage(`# Event\n\n## Attributes\n\n${body}`);
      });
      expect(page).toEqual({ refused: expect.objectContaining({ code, line }) });
      expect(ms).toBeLessThan(1000);
    },
  );

  it("up to the limit, a table is read", () => {
    const read = readMarkdown({ text: `# PCO Things\n\n${table(MAX_TABLE_LINES - 2)}`, location: "page.md" });
    expect(read.diagnostics).toEqual([]);
    expect(read.blocks.at(-1)).toEqual(expect.objectContaining({ kind: "table" }));
  });

  it("up to the limit, the staircase is read as nested lists", () => {
    const read = markdownPage(`# Event\n\n## Attributes\n\n${staircase(MAX_MARKDOWN_NESTING)}`);
    expect(read).toHaveProperty("page");
  });

  it("raw HTML in markdown nested 20,000 deep: an error at its line, the rest read, in a fraction of a second", () => {
    let read: ReturnType<typeof readMarkdown> | undefined;
    const ms = cpuMs(() => {
      read = readMarkdown({ text: `# PCO Things\n\n${"<div>".repeat(20_000)}\n\n## Things\n`, location: "page.md" });
    });
    expect(read!.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", code: "SLATE_TOO_DEEP", file: "page.md", line: 3, column: 1 }),
    ]);
    expect(read!.blocks.map((b) => b.kind)).toEqual(["heading", "heading"]);
    expect(ms).toBeLessThan(1000);
  });

  it.each(["a~", "]", "a*", "[a]"])(
    "a markdown paragraph of 60,000 characters of %j: an error at the paragraph, in a fraction of a second",
    (unit) => {
      const paragraph = Array.from({ length: 10 }, () => unit.repeat(Math.floor(6000 / unit.length))).join("\n");
      let read: ReturnType<typeof readMarkdown> | undefined;
      const ms = cpuMs(() => {
        read = readMarkdown({ text: `# PCO Things\n\n${paragraph}\n\n## Things\n`, location: "page.md" });
      });
      expect(read!.diagnostics).toEqual([
        expect.objectContaining({ severity: "error", code: "SLATE_TOO_COMPLEX", file: "page.md", line: 3, column: 1 }),
      ]);
      expect(ms).toBeLessThan(1000);
    },
  );

  it("up to the limit, a markdown line is read", () => {
    const read = readMarkdown({ text: `${"> ".repeat(MAX_MARKDOWN_NESTING)}quoted\n`, location: "page.md" });
    expect(read.diagnostics).toEqual([]);
    expect(read.blocks).toEqual([expect.objectContaining({ kind: "paragraph", text: "quoted" })]);
  });
});

describeCorpus("damaged documentation through the command line", () => {
  it("a line of 10 MB in a markdown include: exit 2, the line named, nothing written", async () => {
    const site = folder("slate");
    const source = path.join(DOCS_DIR, "slate/2018-03-15/source");
    writeFileSync(
      path.join(site, "index.md"),
      readFileSync(path.join(source, "index.md"), "utf8").replace(/^includes:\n(?: +- .*\n)+/m, "includes:\n  - webhooks\n"),
    );
    const include = readFileSync(path.join(source, "includes/_webhooks.md"), "utf8").split("\n");
    include.splice(10, 0, "ab ".repeat(3_500_000));
    mkdirSync(path.join(site, "includes"));
    writeFileSync(path.join(site, "includes/_webhooks.md"), include.join("\n"));
    const out = path.join(folder("out"), "spec");

    const run = await scrape(`slate:${site}`, out);

    const file = shown(path.join(site, "includes/_webhooks.md"));
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")).toEqual([
      `${file}:11:1: error DOC_LINE_TOO_LONG: line 11 has 10500000 characters, more than the ${MAX_LINE_LENGTH} a documentation line may have; the file was not read`,
      `error: cannot read ${file}: line 11 has 10500000 characters, more than the ${MAX_LINE_LENGTH} a documentation line may have`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("a truncated vertex: exit 1, an error where the text stops, its app-version withheld", async () => {
    const mirror = webhooksMirror();
    const event = readFileSync(mirror.vertex("event"), "utf8");
    writeFileSync(mirror.vertex("event"), event.slice(0, 1000));
    const out = path.join(folder("out"), "spec");

    const run = await scrape(`portal:${mirror.root}`, out);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${shown(mirror.vertex("event"))}:1:1001: error PORTAL_INVALID_JSON: invalid JSON:`);
    expect(run.stderr).toContain("webhooks/2022-10-20.json: error SCRAPE_WITHHELD");
    expect(readdirSync(out)).toEqual(["spec.schema.json"]);
  });

  it("an example object nested 100,000 levels deep: a warning at the example, the spec written without it", async () => {
    const mirror = webhooksMirror();
    const document = JSON.parse(readFileSync(mirror.vertex("event"), "utf8")) as { data: { attributes: { example?: string } } };
    expect(document.data.attributes.example).toBeDefined();
    document.data.attributes.example = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    writeFileSync(mirror.vertex("event"), JSON.stringify(document));
    const out = path.join(folder("out"), "spec");

    const run = await scrape(`portal:${mirror.root}`, out);

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `${shown(mirror.vertex("event"))}:1:\\d+: warning PORTAL_INVALID_EXAMPLE: the example object of Event is not valid JSON \\(nested more than ${MAX_JSON_DEPTH} levels deep\\); it was left out`,
      ),
    );
    const spec = JSON.parse(readFileSync(path.join(out, "webhooks/2022-10-20.json"), "utf8")) as {
      resources: { type: string; example?: unknown }[];
    };
    expect(spec.resources.find((r) => r.type === "Event")!.example).toBeUndefined();
  });

  it("per_page numbers that make no page size: a warning at the section, the resource written without one", async () => {
    const mirror = webhooksMirror();
    type PerPageSection = { data: { attributes: Record<string, unknown> } };
    const document = JSON.parse(readFileSync(mirror.vertex("event"), "utf8")) as {
      data: { relationships: { per_page: PerPageSection } };
    };
    Object.assign(document.data.relationships.per_page.data.attributes, { minimum: 50, maximum: 10 });
    // One key a line, so that the section's line is known: the line of `"per_page": {` is followed by `"data": {`.
    const text = JSON.stringify(document, null, 1);
    writeFileSync(mirror.vertex("event"), text);
    const line = text.split("\n").findIndex((l) => l.trim() === '"per_page": {') + 2;
    const out = path.join(folder("out"), "spec");

    const run = await scrape(`portal:${mirror.root}`, out);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `${shown(mirror.vertex("event"))}:${line}:5: warning PORTAL_BAD_PER_PAGE: Event: per_page gives minimum 50, maximum 10, default 25, ` +
        "not whole numbers with minimum ≤ default ≤ maximum; the page size is left out (at /data/relationships/per_page/data)",
    );
    const spec = JSON.parse(readFileSync(path.join(out, "webhooks/2022-10-20.json"), "utf8")) as {
      resources: { type: string; query: { perPage?: unknown } }[];
    };
    expect(spec.resources.find((r) => r.type === "Event")!.query.perPage).toBeUndefined();
    expect(spec.resources.find((r) => r.type === "Delivery")!.query.perPage).toEqual({ min: 1, max: 100, default: 25 });
  });
});

/**
 * The specs a seed's text reads into and what is reported where (the line; a
 * byte order mark is a column of the first line), placed in one folder so
 * that their recorded locations agree.
 */
async function readingOf(seed: Seed, text: string | Uint8Array, place: string): Promise<{ specs: string[]; diagnostics: string[] }> {
  rmSync(place, { recursive: true, force: true });
  mkdirSync(place, { recursive: true });
  const read = await readSource(seed.place(place, text), { versions: { kind: "all" } });
  const built = buildSpecs([read], { versions: { kind: "all" } });
  return {
    specs: built.specs.map(serializeSpec),
    diagnostics: built.diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity} ${d.code}: ${d.message}`).sort(),
  };
}

describeCorpus("a byte order mark, CRLF line endings, UTF-16 and bytes that are not UTF-8", () => {
  const seeds = [...loadSeeds(DOCS_DIR, "quick").values()].flatMap((list) =>
    list[0]?.kind === "portal-vertex" ? list.filter((_, i) => i % 60 === 0) : list,
  );

  it.each(seeds.map((seed) => [`${seed.kind} ${seed.name}`, seed] as const))(
    "change no spec and no diagnostic: %s",
    async (_name, seed) => {
      const place = path.join(work, "bom-crlf");
      const plain = await readingOf(seed, seed.text, place);
      expect(plain.specs.length + plain.diagnostics.length).toBeGreaterThan(0);
      expect(await readingOf(seed, `\ufeff${seed.text.replace(/\n/g, "\r\n")}`, place)).toEqual(plain);
    },
  );

  // A capture saved by PowerShell 5's `>`, or by an editor set to "Unicode": UTF-16 with its byte order mark.
  it.each(seeds.map((seed) => [`${seed.kind} ${seed.name}`, seed] as const))(
    "read from UTF-16, little- or big-endian with a byte order mark, into the same specs and diagnostics: %s",
    async (_name, seed) => {
      const place = path.join(work, "utf-16");
      const plain = await readingOf(seed, seed.text, place);
      const littleEndian = Buffer.from(`\ufeff${seed.text}`, "utf16le");
      const bigEndian = Buffer.from(littleEndian).swap16();
      expect(await readingOf(seed, littleEndian, place)).toEqual(plain);
      expect(await readingOf(seed, bigEndian, place)).toEqual(plain);
    },
  );

  // A file saved as Latin-1 or Windows-1252 after an edit: "é" is the one byte E9, which is no UTF-8.
  it.each(seeds.filter((seed) => seed.text.includes(" the ")).map((seed) => [`${seed.kind} ${seed.name}`, seed] as const))(
    "read with a byte that is not UTF-8 as with U+FFFD in its place, and a warning at its line: %s",
    async (_name, seed) => {
      const place = path.join(work, "latin-1");
      const at = seed.text.indexOf(" the ") + 3;
      const replaced = await readingOf(seed, `${seed.text.slice(0, at)}\ufffd${seed.text.slice(at + 1)}`, place);
      const latin1 = Buffer.concat([Buffer.from(seed.text.slice(0, at)), Buffer.of(0xe9), Buffer.from(seed.text.slice(at + 1))]);
      const read = await readingOf(seed, latin1, place);
      const line = seed.text.slice(0, at).split("\n").length;
      const warning = read.diagnostics.filter((d) => d.includes("DOC_NOT_UTF8"));
      expect(warning).toEqual([expect.stringMatching(new RegExp(`:${line}: warning DOC_NOT_UTF8: bytes that are not UTF-8`))]);
      expect({ ...read, diagnostics: read.diagnostics.filter((d) => !warning.includes(d)) }).toEqual(replaced);
    },
  );

  it("are tried on the index whose table a byte order mark once hid (the where operators of 2018)", () => {
    expect(seeds.map((s) => s.name)).toContain("slate/2018-03-15/source/index.md");
  });
});

/**
 * A small Slate site written three ways, as the real site was: its markdown
 * sources, the page Slate built from them, and that page saved as text (no
 * markup, no side notes, no bulleted lists, typographic quotes). All three
 * read into one spec.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ScrapeResult } from "../../generator/scrape.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import { errorsOf, FIXTURES, lineOf, scrape, specOf, withoutSource } from "./read.js";

const SITE = `${FIXTURES}/site`;
const RENDERINGS = {
  "slate-markdown": `${SITE}/source`,
  "slate-html": `${SITE}/build/index.html`,
  "slate-text": `${SITE}/page.txt`,
} as const;

describe("the three renderings of one Slate site", () => {
  const results = new Map<string, ScrapeResult>();

  beforeAll(async () => {
    for (const [format, location] of Object.entries(RENDERINGS)) results.set(format, await scrape(`slate:${location}`));
  });

  it("read without errors, each detected from its content", () => {
    for (const [format, result] of results) {
      expect(errorsOf(result.diagnostics)).toEqual([]);
      expect(specOf(result, "widgets").source).toEqual({ format, location: RENDERINGS[format as keyof typeof RENDERINGS] });
    }
    expect(results.get("slate-markdown")!.detected).toEqual([
      `slate:${SITE}/source: Slate markdown, ${SITE}/source/index.md with 2 includes; 1 app (widgets)`,
    ]);
  });

  it("give one spec, source aside", () => {
    const [markdown, html, text] = [...results.values()].map((r) => withoutSource(specOf(r, "widgets")));
    expect(html).toEqual(markdown);
    expect(text).toEqual(markdown);
  });

  it("give the spec of the golden file", async () => {
    await expect(serializeSpec(specOf(results.get("slate-markdown")!, "widgets"))).toMatchFileSnapshot("golden/widgets-legacy.json");
  });

  it("report the side note that no spec carries, where each rendering has it", () => {
    const omitted = (format: string) => results.get(format)!.diagnostics.filter((d) => d.code === "SLATE_ASIDE_OMITTED");
    expect(omitted("slate-markdown").map((d) => [d.file, d.line])).toEqual([
      [`${SITE}/source/includes/_widgets.md`, lineOf(`${SITE}/source/includes/_widgets.md`, "Only users with the role")],
    ]);
    expect(omitted("slate-html").map((d) => [d.file, d.line])).toEqual([
      [`${SITE}/build/index.html`, lineOf(`${SITE}/build/index.html`, "Only users with the role")],
    ]);
    expect(omitted("slate-text")).toEqual([]);
    expect(JSON.stringify(specOf(results.get("slate-markdown")!, "widgets"))).not.toContain("Only users with the role");
  });

  it("repair a type the page's renderer mangled, and say where", () => {
    const repaired = (format: string) =>
      results
        .get(format)!
        .diagnostics.filter((d) => d.code === "SLATE_TYPE_REPAIRED")
        .map((d) => [d.file, d.line]);
    // The HTML row starts on the <tr> line before its first cell.
    expect(repaired("slate-html")).toEqual([[`${SITE}/build/index.html`, lineOf(`${SITE}/build/index.html`, "<td>where[id]</td>") - 1]]);
    expect(repaired("slate-text")).toEqual([[`${SITE}/page.txt`, lineOf(`${SITE}/page.txt`, "where[id] primarykey_")]]);
    expect(repaired("slate-markdown")).toEqual([]);
    const widget = specOf(results.get("slate-html")!, "widgets").resources.find((r) => r.type === "Widget")!;
    expect(widget.query.where.find((w) => w.name === "id")?.type).toBe("primary_key");
  });
});

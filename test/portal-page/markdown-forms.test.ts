/**
 * The other way pages are saved as markdown: section titles as headings
 * (`## Attributes`) and tables as GFM tables, with empty cells. The same
 * facts are read as from link-headings and one paragraph per cell.
 */
import { expect, it } from "vitest";
import { lineOf, scrape, specOf } from "../slate/read.js";

const PAGE = "test/fixtures/portal-page/gfm-headings.md";

it("reads a page with heading titles and GFM tables: every section, the version its navigation shows", async () => {
  const result = await scrape(`portal-page:${PAGE}`);
  const spec = specOf(result, "widgets");
  expect([spec.version, spec.source.format]).toEqual(["2023-07-10", "portal-page-markdown"]);
  const widget = spec.resources[0]!;
  expect(widget.attributes).toEqual([
    { name: "id", type: "primary_key" },
    { name: "name", type: "string", description: "The widget's name" },
    { name: "price", type: "string", typeOrigin: "inferred" },
    { name: "size", type: "integer", typeOrigin: "repaired", documentedAs: "int", description: "How big it is" },
  ]);
  expect(result.diagnostics.filter((d) => d.code === "PAGE_TYPE_REPAIRED").map((d) => d.line)).toEqual([
    lineOf(PAGE, "| `price` |"),
    lineOf(PAGE, "| `size` |"),
  ]);
  expect(widget.relationships).toEqual([{ name: "owner", target: "Person", toMany: false }]);
  expect(widget.associations).toEqual([
    { name: "owner", target: "Person", path: "/widgets/v2/widgets/{widget_id}/owner", filters: [], details: "the widget's owner" },
  ]);
  // The operator row documents a comparison on `size`, which is listed already.
  expect(widget.query).toEqual({
    where: [{ name: "size", type: "integer", description: "Query on a specific size" }],
    order: ["name"],
    include: ["owner"],
    perPage: { min: 1, max: 50, default: 20 },
    cursor: ["after"],
    assignableIncludes: { create: ["owner"], update: [] },
  });
  expect(widget.endpoints.map((e) => [e.operation, e.path])).toEqual([
    ["list", "/widgets/v2/widgets"],
    ["get", "/widgets/v2/widgets/{widget_id}"],
    ["create", "/widgets/v2/widgets"],
  ]);
  expect(widget.permissions).toEqual({ create: true, update: false, destroy: false, createAttributes: ["name", "size"] });
});

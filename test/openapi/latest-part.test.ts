/**
 * An app's part of `latest.json` is derived from the app's own document, for
 * half the cost of building it again with the combined document's prefix. The
 * derivation must give what that build gives, byte for byte: for every spec
 * of the corpus, for the edge spec, and for the cases it was written for
 * (component keys that meet once made safe, deprecated operations, includes
 * mixing the app's types with a plain resource object). Where it cannot (other
 * facts), the part is built.
 */
import { describe, expect, it } from "vitest";
import { DOCUMENTED_API_FACTS, apiFactsOf } from "../../generator/spec/api-facts.js";
import { latestPart, latestPartOf, type LatestPart } from "../../generator/render/openapi/latest-part.js";
import { renderSpec } from "../../generator/render/openapi/openapi-renderer.js";
import type { Spec } from "../../generator/spec/types.js";
import { resource, spec } from "../helpers/spec-builder.js";
import { committedSpecs, edgeSpec } from "./documents.js";

/** The part as text: its entries' bytes decoded, so that two parts compare as what they write. */
const partText = (part: LatestPart): string =>
  JSON.stringify(part, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    return original instanceof Uint8Array ? Buffer.from(original).toString("utf8") : value;
  });

const derivedAndBuilt = (from: Spec, facts = apiFactsOf(from)) => [
  partText(latestPartOf(from, facts, renderSpec(from))),
  partText(latestPart(from, facts)),
];

/** A spec of the cases the derivation must carry over. */
function oddSpec(): Spec {
  const endpoints = (type: string, plural: string) => [
    { operation: "list" as const, method: "GET" as const, path: `/people/v2/${plural}` },
    { operation: "get" as const, method: "GET" as const, path: `/people/v2/${plural}/{id}` },
  ];
  return spec([
    // Two types whose component keys meet once made safe: the second is numbered, under either prefix.
    resource("Foo Bar", { path: "/people/v2/foo_bars", endpoints: endpoints("Foo Bar", "foo_bars") }),
    resource("Foo_Bar", { path: "/people/v2/foo_underscore_bars", endpoints: endpoints("Foo_Bar", "foo_underscore_bars") }),
    resource("Zebra", {
      deprecated: true,
      path: "/people/v2/zebras",
      endpoints: endpoints("Zebra", "zebras"),
      // One include of a type the spec describes, one of a type it does not (a plain resource object).
      query: { where: [], order: [], include: ["foo_bar", "mystery"] },
      relationships: [
        { name: "foo_bar", target: "Foo Bar", toMany: false },
        { name: "mystery", target: "Mystery", toMany: false },
      ],
    }),
  ]);
}

describe("an app's part of latest.json", () => {
  it("is derived as the combined build gives it, for every spec of the corpus", async () => {
    const specs = await committedSpecs();
    expect(specs.length).toBeGreaterThan(10);
    for (const each of specs) {
      const [derived, built] = derivedAndBuilt(each);
      expect(derived, `${each.app} ${each.version}`).toBe(built);
    }
  });

  it("is derived as the combined build gives it for the edge spec and for keys that meet, deprecations and mixed includes", () => {
    for (const each of [edgeSpec(), oddSpec()]) {
      const [derived, built] = derivedAndBuilt(each);
      expect(derived).toBe(built);
    }
    const odd = latestPartOf(oddSpec(), apiFactsOf(oddSpec()), renderSpec(oddSpec()));
    const schemaKeys = odd.components.schemas.map(([key]) => key);
    expect(schemaKeys).toEqual(expect.arrayContaining(["people.Foo_Bar", "people.Foo_Bar_2", "people.Zebra"]));
  });

  it("is built where the combined document's facts are not the app's own", () => {
    const own = oddSpec();
    const other = { ...DOCUMENTED_API_FACTS, rateLimit: { ...DOCUMENTED_API_FACTS.rateLimit!, limit: 7 } };
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(apiFactsOf(own)));
    const [derived, built] = derivedAndBuilt(own, other);
    expect(derived).toBe(built);
    // The combined document's facts reach the entries: a part derived from the app's own document would say 100.
    expect(derived).toContain("usually 7 per");
    expect(partText(latestPartOf(own, apiFactsOf(own), renderSpec(own)))).not.toContain("usually 7 per");
  });
});

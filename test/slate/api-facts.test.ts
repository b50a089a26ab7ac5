/**
 * The Slate index states the API-wide facts once: a scrape that read one puts
 * them in every spec it writes that has none of its own, portal specs included.
 */
import { describe, expect, it } from "vitest";
import { buildSpecs } from "../../generator/scrape.js";
import type { SourceRead } from "../../generator/sources/source-read.js";
import type { SpecDraft } from "../../generator/spec/draft.js";
import type { ApiFacts } from "../../generator/spec/types.js";

const draft = (app: string, version: string, api?: ApiFacts): SpecDraft => ({
  app,
  version,
  title: app,
  baseUrl: "https://api.example.com",
  source: { format: version === "legacy" ? "slate-markdown" : "portal", location: "docs" },
  ...(api === undefined ? {} : { api }),
  resources: [],
});

const read = (drafts: SpecDraft[], api?: ApiFacts): SourceRead => ({
  drafts: drafts.map((d) => ({ draft: d, diagnostics: [] })),
  diagnostics: [],
  ...(api === undefined ? {} : { api }),
});

const slateFacts: ApiFacts = { currentUserPath: "/people/v2/me" };
const ownFacts: ApiFacts = { currentUserPath: "/own/v2/me" };

describe("API-wide facts of a Slate index", () => {
  it("go in every spec of the scrape without its own, whatever the source's order", () => {
    for (const order of ["portal first", "slate first"]) {
      const portal = read([draft("people", "2025-03-20"), draft("groups", "2023-07-10", ownFacts)]);
      const slate = read([draft("people", "legacy", slateFacts)], slateFacts);
      const result = buildSpecs(order === "portal first" ? [portal, slate] : [slate, portal], { versions: { kind: "latest" } });
      expect(result.specs.map((s) => [`${s.app}/${s.version}`, s.api])).toEqual([
        ["groups/2023-07-10", ownFacts],
        ["people/2025-03-20", slateFacts],
        ["people/legacy", slateFacts],
      ]);
    }
  });

  it("are not invented where no source states them", () => {
    const result = buildSpecs([read([draft("people", "2025-03-20")])], { versions: { kind: "latest" } });
    expect(result.specs[0]!.api).toBeUndefined();
  });
});

/**
 * The Slate index states the API-wide facts once for the apps of its page:
 * they stay with that page's specs. Portal specs never borrow them, so that a
 * scrape of the portal alone gives the same bytes as one beside a Slate source
 * (and a daily drift check of the live portal sees no change).
 */
import { describe, expect, it } from "vitest";
import { buildSpecs } from "../../generator/scrape.js";
import type { SourceRead } from "../../generator/sources/reader-result.js";
import type { SpecDraft } from "../../generator/spec/draft.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
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

const read = (drafts: SpecDraft[]): SourceRead => ({ drafts: drafts.map((d) => ({ draft: d, diagnostics: [] })), diagnostics: [] });

const slateFacts: ApiFacts = { currentUserPath: "/people/v2/me" };

describe("API-wide facts of a Slate index", () => {
  it("stay with the specs of the page that states them, whatever the sources' order", () => {
    for (const order of ["portal first", "slate first"]) {
      const portal = read([draft("people", "2025-03-20")]);
      const slate = read([draft("people", "legacy", slateFacts)]);
      const result = buildSpecs(order === "portal first" ? [portal, slate] : [slate, portal], { versions: { kind: "latest" } });
      expect(result.specs.map((s) => [`${s.app}/${s.version}`, s.api])).toEqual([
        ["people/2025-03-20", undefined],
        ["people/legacy", slateFacts],
      ]);
    }
  });

  it("leave a portal spec's bytes as a scrape of the portal alone writes them", () => {
    const alone = buildSpecs([read([draft("people", "2025-03-20")])], { versions: { kind: "latest" } });
    const beside = buildSpecs([read([draft("people", "2025-03-20")]), read([draft("people", "legacy", slateFacts)])], {
      versions: { kind: "latest" },
    });
    expect(serializeSpec(beside.specs[0]!)).toBe(serializeSpec(alone.specs[0]!));
  });
});

/**
 * The Slate index states the API-wide facts once for the apps of its page:
 * they stay with that page's specs. Portal specs never borrow them, so that a
 * scrape of the portal alone gives the same bytes as one beside a Slate source
 * (and a daily drift check of the live portal sees no change).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSpecs } from "../../generator/scrape.js";
import { interpretSlate } from "../../generator/sources/slate/interpret.js";
import { readMarkdown } from "../../generator/sources/slate/markdown.js";
import type { SourceRead } from "../../generator/sources/reader-result.js";
import type { SpecDraft } from "../../generator/spec/draft.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import { validateSpec } from "../../generator/spec/validate.js";
import type { ApiFacts, Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";

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

/** A Slate index page whose "Rate limiting" section (line 3) states `policy` and its four headers. */
function indexFacts(policy: string) {
  const text =
    `# Introduction\n\n# Rate limiting\n\nUsually ${policy} per user. Watch \`X-W-Rate-Limit\`, \`X-W-Rate-Period\` and ` +
    "`X-W-Rate-Count`; wait for `Retry-After` seconds after a 429.\n";
  const read = interpretSlate(
    { format: "slate-markdown", blocks: readMarkdown({ text, location: "index.md" }).blocks, detected: "" },
    "index.md",
  );
  return { rateLimit: read.api?.rateLimit, problems: read.diagnostics.filter((d) => d.code === "SLATE_RATE_LIMIT") };
}

describe("the rate limit of a Slate index", () => {
  it("is read from its policy sentence and header names", () => {
    expect(indexFacts("50 requests per 10 seconds")).toEqual({
      rateLimit: {
        limit: 50,
        periodSeconds: 10,
        headers: { limit: "X-W-Rate-Limit", period: "X-W-Rate-Period", count: "X-W-Rate-Count", retryAfter: "Retry-After" },
      },
      problems: [],
    });
  });

  // A limit of 0 would give every generated client a limiter that lets nothing through, and its 429 fixture "0 of 0 requests".
  it.each(["0 requests per 20 seconds", "100 requests per 0 seconds", "99999999999999999999 requests per 20 seconds"])(
    "is not read, with a warning at the section, where it states %s",
    (policy) => {
      const { rateLimit, problems } = indexFacts(policy);
      expect(rateLimit).toBeUndefined();
      expect(problems).toEqual([
        expect.objectContaining({
          severity: "warning",
          file: "index.md",
          line: 3,
          message: expect.stringContaining(`states ${policy}, which no client can keep`),
        }),
      ]);
    },
  );

  it("of 0 requests per 0 seconds is refused by the spec contract, whichever reader wrote it", () => {
    const spec = JSON.parse(readFileSync(path.join(REPO_ROOT, "spec", "people", "legacy.json"), "utf8")) as Spec;
    expect(validateSpec(spec, "people/legacy.json")).toEqual([]);
    for (const field of ["limit", "periodSeconds"] as const) {
      const zero = { ...spec, api: { ...spec.api, rateLimit: { ...spec.api!.rateLimit!, [field]: 0 } } };
      expect(validateSpec(zero, "people/legacy.json")).toEqual([
        expect.objectContaining({ severity: "error", code: "SPEC_SCHEMA", pointer: `/api/rateLimit/${field}` }),
      ]);
    }
  });
});

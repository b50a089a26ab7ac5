/** Which app-versions are compared when two sets of specs are. */
import { describe, expect, it } from "vitest";
import { diffSpecSets } from "../../generator/diff/diff.js";
import type { Spec } from "../../generator/spec/types.js";
import { spec } from "./spec-builder.js";

const at = (app: string, version: string): Spec => spec([], { app, version });

/** `app before→after: version changes`, one line per comparison. */
function pairs(before: Spec[], after: Spec[]): string[] {
  return diffSpecSets(before, after).map((c) => {
    const versions = c.changes
      .filter((ch) => ch.subject === "version")
      .map(
        (ch) =>
          `${ch.class} ${ch.action} ${ch.name}${ch.before === undefined ? "" : ` before=${String(ch.before)}`}${ch.after === undefined ? "" : ` after=${String(ch.after)}`}`,
      );
    return `${c.app} ${c.before ?? "-"}→${c.after ?? "-"}${versions.length ? `: ${versions.join("; ")}` : ""}`;
  });
}

const cases: [string, { before: Spec[]; after: Spec[]; want: string[] }][] = [
  [
    "the same version on both sides",
    { before: [at("people", "2025-03-20")], after: [at("people", "2025-03-20")], want: ["people 2025-03-20→2025-03-20"] },
  ],
  [
    "one version each: an upgrade",
    {
      before: [at("people", "2022-07-14")],
      after: [at("people", "2025-03-20")],
      want: ["people 2022-07-14→2025-03-20: additive changed 2025-03-20 before=2022-07-14 after=2025-03-20"],
    },
  ],
  [
    "a newer version appearing beside the committed one",
    {
      before: [at("people", "2025-03-20")],
      after: [at("people", "2025-03-20"), at("people", "2026-01-01")],
      want: ["people 2025-03-20→2025-03-20", "people -→2026-01-01: additive added 2026-01-01 before=2025-03-20"],
    },
  ],
  [
    "a version gone while another stays",
    {
      before: [at("people", "2022-07-14"), at("people", "2025-03-20")],
      after: [at("people", "2025-03-20")],
      want: ["people 2022-07-14→-: breaking removed 2022-07-14 after=2025-03-20", "people 2025-03-20→2025-03-20"],
    },
  ],
  [
    "the newest of each side are paired, the rest are added or removed (ordered by the older side's version where there is one)",
    {
      before: [at("people", "2020-01-01"), at("people", "2022-07-14")],
      after: [at("people", "2025-03-20"), at("people", "2024-01-01")],
      want: [
        "people 2020-01-01→-: breaking removed 2020-01-01 after=2025-03-20",
        "people 2022-07-14→2025-03-20: additive changed 2025-03-20 before=2022-07-14 after=2025-03-20",
        "people -→2024-01-01: additive added 2024-01-01 before=2022-07-14",
      ],
    },
  ],
  [
    "Slate specs are never compared with portal versions",
    {
      before: [at("people", "legacy")],
      after: [at("people", "2025-03-20")],
      want: ["people -→2025-03-20: additive added 2025-03-20", "people legacy→-: breaking removed legacy after=2025-03-20"],
    },
  ],
  [
    "apps on one side only",
    {
      before: [at("giving", "2019-10-18")],
      after: [at("webhooks", "2022-10-20")],
      want: ["giving 2019-10-18→-: breaking removed 2019-10-18", "webhooks -→2022-10-20: additive added 2022-10-20"],
    },
  ],
];

describe("pairing two sets of specs", () => {
  it.each(cases)("%s", (_name, { before, after, want }) => {
    expect(pairs(before, after)).toEqual(want);
  });

  it("does not depend on the order the specs come in", () => {
    const before = [at("people", "2020-01-01"), at("giving", "2019-10-18"), at("people", "2022-07-14")];
    const after = [at("people", "2025-03-20"), at("people", "2024-01-01"), at("giving", "2019-10-18")];
    expect(pairs([...before].reverse(), [...after].reverse())).toEqual(pairs(before, after));
  });
});

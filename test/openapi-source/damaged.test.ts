/**
 * The only documentation-API captures of calendar 2022-07-07 and check-ins
 * 2025-05-28 are damaged (invalid JSON, vertices without most sections). With
 * the official OpenAPI document of the same version, the spec is whole: it is
 * written without --allow-partial, and the damage is reported as warnings.
 */
import { beforeAll, expect, it } from "vitest";
import { collectSpecs, type ScrapeResult } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";
import { countSpec, OFFICIAL_FOLDER, recount, shapeOf } from "./official-documents.js";

describeCorpus("a damaged capture completed by the official document", () => {
  const from = (...sources: string[]) =>
    collectSpecs({ from: sources.map(parseSourceOperand), apps: ["calendar", "check-ins"], versions: { kind: "latest" } });
  let alone: ScrapeResult;
  let both: ScrapeResult;
  beforeAll(async () => {
    alone = await from(`portal:${corpusPath("portal", "damaged-2025-07")}`);
    both = await from(`portal:${corpusPath("portal", "damaged-2025-07")}`, `openapi:${corpusPath(...OFFICIAL_FOLDER)}`);
  });

  it("alone, the capture is withheld", () => {
    expect(alone.withheld).toEqual(["calendar/2022-07-07", "check-ins/2025-05-28"]);
  });

  it("with the official document, both specs are written whole, without an error", () => {
    expect(both.withheld).toEqual([]);
    expect(both.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(both.specs.map((s) => `${s.app}/${s.version}`)).toEqual(["calendar/2022-07-07", "check-ins/2025-05-28"]);
    for (const spec of both.specs) expect(spec.partial).toBeUndefined();
    // The capture's errors are kept, as warnings that say what covered them.
    expect(both.diagnostics.filter((d) => d.code === "PORTAL_INVALID_JSON" && d.message.includes("(covered:")).length).toBe(3);
  });

  it.each([
    ["calendar", "2022-07-07"],
    ["check-ins", "2025-05-28"],
  ])("%s %s holds every operation and query name of the official document", (app, version) => {
    const spec = both.specs.find((s) => s.app === app)!;
    const want = recount(app, version);
    const have = countSpec(spec);
    const held = new Set(have.operationKeys.map(shapeOf));
    expect(want.operationKeys.map(shapeOf).filter((k) => !held.has(k))).toEqual([]);
    for (const key of ["where", "order", "include", "filter"] as const) {
      expect(
        want[key].filter((name) => !have[key].includes(name)),
        key,
      ).toEqual([]);
    }
  });
});

/**
 * The short run of the fuzzer's hostile-server mode in the test suite: one
 * case of each hostility for each HTTP reader (`portal:`, then `openapi:`),
 * from a loopback server serving the webhooks docs. `npm run fuzz -- --mode
 * hostile-server` runs the long one.
 */
import { expect, it } from "vitest";
import { HOSTILE_READERS, HOSTILITIES, runHostileFuzz, type HostileCase, type HostileReport } from "../../generator/fuzz/hostile.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";

const CASES = HOSTILITIES.length * HOSTILE_READERS.length;

describeCorpus("fuzzing the HTTP reader from a hostile server", () => {
  it("ends every case in specs, diagnostics or a refusal: 0 crashes, 0 hangs, no request off the documentation's paths, no wait past the caps", async () => {
    const cases: HostileCase[] = [];
    const report: HostileReport = await runHostileFuzz({ corpus: DOCS_DIR, cases: CASES, seed: 7, onCase: (c) => cases.push(c) });
    expect(report.failures.map((f) => `case ${f.index} (${f.reader}, ${f.hostility}, request ${f.target}): ${f.failure}`)).toEqual([]);
    expect(report.crashes).toBe(0);
    expect(report.hangs).toBe(0);
    expect(report.cases).toBe(CASES);
    for (const { name } of HOSTILITIES) {
      expect(
        cases.filter((c) => c.hostility === name).map((c) => c.reader),
        name,
      ).toEqual([...HOSTILE_READERS]);
    }
    expect(report.byReader).toEqual({ portal: HOSTILITIES.length, openapi: HOSTILITIES.length });
    // The hostility shows, for each reader: some reads are refused, and some still end in specs.
    for (const reader of HOSTILE_READERS) {
      const outcomes = new Set(cases.filter((c) => c.reader === reader).map((c) => c.outcome));
      expect(outcomes, reader).toContain("refused");
      expect(
        [...outcomes].some((o) => o === "spec" || o === "diagnostics"),
        reader,
      ).toBe(true);
    }
  }, 300_000);
});

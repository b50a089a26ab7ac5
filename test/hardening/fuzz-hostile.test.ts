/**
 * The short run of the fuzzer's hostile-server mode in the test suite: one
 * case of each hostility twice over, from a loopback server serving the
 * webhooks capture. `npm run fuzz -- --mode hostile-server` runs the long one.
 */
import { expect, it } from "vitest";
import { HOSTILITIES, runHostileFuzz, type HostileCase, type HostileReport } from "../../generator/fuzz/hostile.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";

const CASES = HOSTILITIES.length * 2;

describeCorpus("fuzzing the HTTP reader from a hostile server", () => {
  it("ends every case in specs, diagnostics or a refusal: 0 crashes, 0 hangs, no request off the documentation's paths, no wait past the caps", async () => {
    const cases: HostileCase[] = [];
    const report: HostileReport = await runHostileFuzz({ corpus: DOCS_DIR, cases: CASES, seed: 7, onCase: (c) => cases.push(c) });
    expect(report.failures.map((f) => `case ${f.index} (${f.hostility}, request ${f.target}): ${f.failure}`)).toEqual([]);
    expect(report.crashes).toBe(0);
    expect(report.hangs).toBe(0);
    expect(report.cases).toBe(CASES);
    for (const { name } of HOSTILITIES) expect(report.byHostility[name], name).toBe(2);
    // The hostility shows: some reads are refused, and some still end in specs.
    const outcomes = new Set(cases.map((c) => c.outcome));
    expect(outcomes).toContain("refused");
    expect([...outcomes].some((o) => o === "spec" || o === "diagnostics")).toBe(true);
  }, 300_000);
});

/**
 * The short fuzz run of the test suite: 200 cases from the smaller files of
 * the corpus, each damaged and read the way `scrape` reads it, in this
 * process. `npm run fuzz` runs the long one (5,000 cases over every file).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ENCODINGS } from "../../generator/fuzz/encodings.js";
import { MUTATIONS } from "../../generator/fuzz/mutations.js";
import { runFuzz, slowness, type CaseResult, type FuzzReport } from "../../generator/fuzz/runner.js";
import { INPUT_KINDS } from "../../generator/fuzz/targets.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";

const CASES = 200;
const SEED = 2024;

describeCorpus("fuzzing every reader", () => {
  const workDir = mkdtempSync(path.join(tmpdir(), "pco-fuzz-test-"));
  const results: CaseResult[] = [];
  let report: FuzzReport;

  beforeAll(async () => {
    report = await runFuzz({ corpus: DOCS_DIR, cases: CASES, seed: SEED, selection: "quick", workDir, onCase: (r) => results.push(r) });
  }, 120_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  /** One case of the run again, alone. */
  const replay = async (index: number, options: { limitMs?: number } = {}): Promise<CaseResult[]> => {
    const replayed: CaseResult[] = [];
    await runFuzz({
      corpus: DOCS_DIR,
      cases: 0,
      only: [index],
      seed: SEED,
      selection: "quick",
      workDir,
      ...options,
      onCase: (r) => replayed.push(r),
    });
    return replayed;
  };

  it("ends every case in specs, in located diagnostics or in a refusal naming the file, within 1 s", () => {
    const failed = report.failures.map((f) => `case ${f.index} (${f.kind} ${f.seed}, ${f.mutations.join(" + ")}): ${f.failure}`);
    expect(failed).toEqual([]);
    expect(report.byOutcome.crash).toBe(0);
    expect(report.cases).toBe(CASES);
  });

  it("fuzzes every input kind with every mutation and encoding, and the damage shows in the outcomes", () => {
    for (const kind of INPUT_KINDS) expect(report.byKind[kind], kind).toBeGreaterThanOrEqual(Math.floor(CASES / INPUT_KINDS.length));
    const used = new Set(results.flatMap((r) => r.mutations));
    expect([...used].sort()).toEqual([...MUTATIONS.map((m) => m.name), ...ENCODINGS.map((e) => `encoded ${e.name}`)].sort());
    // Some damage is harmless, some is reported, some makes a file unreadable.
    expect(report.byOutcome.spec).toBeGreaterThan(0);
    expect(report.byOutcome.diagnostics).toBeGreaterThan(0);
    expect(report.byOutcome.refused).toBeGreaterThan(0);
  });

  it("judges a case over the limit against its undamaged seed", () => {
    // The 2018 built Slate page: about 0.6 s undamaged, so up to 1.2 s damaged passes; the 3.9 s of a quadratic walk does not.
    expect(slowness(950, 1000, 600)).toBeUndefined();
    expect(slowness(1150, 1000, 600)).toBeUndefined();
    expect(slowness(3900, 1000, 600)).toBe(
      "took 3900 ms of CPU time, over the 1000 ms a file may take and 2 times the 600 ms its undamaged seed takes",
    );
    // A small file is held to the limit itself.
    expect(slowness(1001, 1000, 5)).toMatch(/^took 1001 ms/);
  });

  it("measures a case's seed when the case is over the limit, in the case's folder, and reads the case alike", async () => {
    // Every case is over a limit of 1 ms: its seed is read in the same folder, and the case fails only as slower than twice that.
    const chosen = results.filter((r) => r.mutations.includes("huge-line")).sort((a, b) => b.ms - a.ms)[0]!;
    const [replayed] = await replay(chosen.index, { limitMs: 1 });
    expect(replayed!.outcome).toBe(chosen.outcome);
    const slower = /^took \d+ ms of CPU time, over the 1 ms a file may take and 2 times the \d+ ms its undamaged seed takes$/;
    expect([undefined, expect.stringMatching(slower)]).toContainEqual(replayed!.failure);
  });

  it("replays a case from its seed and number alone", async () => {
    const chosen = results.find((r) => r.mutations.length > 1 && r.outcome === "diagnostics")!;
    const replayed = await replay(chosen.index);
    const { ms: _ms, ...plan } = chosen;
    expect(replayed).toEqual([expect.objectContaining(plan)]);
  });
});

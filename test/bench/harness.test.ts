/**
 * The benchmark harness: summaries, goals, the results file, and timing a
 * child process. Nothing here asserts how fast anything is.
 */
import { describe, expect, it } from "vitest";
import { inTurn, meetsGoal, RowCollector, runNode, summarize, type FigureResult } from "../../bench/harness.js";
import { formatValue, resultsMarkdown, type Machine } from "../../bench/results.js";
import { rateShare } from "../../bench/figures/rate-limit.js";

describe("summarize", () => {
  it.each([
    { values: [3], want: { median: 3, min: 3, max: 3 } },
    { values: [5, 1, 3], want: { median: 3, min: 1, max: 5 } },
    { values: [4, 1, 3, 10], want: { median: 3.5, min: 1, max: 10 } },
    { values: [2, 2, 9, 2, 2], want: { median: 2, min: 2, max: 9 } },
  ])("$values", ({ values, want }) => {
    expect(summarize(values)).toEqual(want);
  });

  it("refuses no values", () => {
    expect(() => summarize([])).toThrow(/no values/);
  });
});

describe("goals, judged on the median", () => {
  it.each([
    { median: 10, goal: { compare: "at most", value: 10 }, met: true },
    { median: 10.01, goal: { compare: "at most", value: 10 }, met: false },
    { median: 1, goal: { compare: "at least", value: 1 }, met: true },
    { median: 0.99, goal: { compare: "at least", value: 1 }, met: false },
  ] as const)("$median $goal.compare $goal.value: $met", ({ median, goal, met }) => {
    expect(meetsGoal(median, goal)).toBe(met);
  });
});

describe("RowCollector", () => {
  it("gathers one value per run under each label, in the order labels first came", () => {
    const rows = new RowCollector();
    for (const run of [1, 2, 3]) {
      rows.add("ratio", "×", run / 2, { compare: "at most", value: 1 });
      rows.add("time", "ms", run * 100);
    }
    expect(rows.result()).toEqual([
      { label: "ratio", unit: "×", values: [0.5, 1, 1.5], goal: { compare: "at most", value: 1 } },
      { label: "time", unit: "ms", values: [100, 200, 300] },
    ]);
  });

  it("refuses a measurement that is not a number", () => {
    expect(() => new RowCollector().add("ratio", "×", 1 / 0)).toThrow(/not a finite measurement/);
    expect(() => new RowCollector().add("ratio", "×", Number.NaN)).toThrow(/not a finite measurement/);
  });
});

describe("formatValue", () => {
  it.each([
    [67.84, "×", "67.8×"],
    [0.456, "×", "0.46×"],
    [2151.4, "ms", "2,151 ms"],
    [75.62, "ms", "75.6 ms"],
    [171.04, "MB", "171.0 MB"],
    [1515701, "B", "1,515,701 B"],
    [98.94, "%", "98.9 %"],
    [629.4, "ops/s", "629 ops/s"],
    [58930, "count", "58,930"],
  ] as const)("%s %s → %s", (value, unit, want) => {
    expect(formatValue(value, unit)).toBe(want);
  });
});

describe("RESULTS.md", () => {
  const machine: Machine = { cpu: "Test CPU", cores: 2, memoryGb: 8, os: "Linux 6.1", node: "v20.19.0", loadAverage: [0.5, 0.25, 0.125] };
  const figures: FigureResult[] = [
    {
      id: "1",
      title: "a ratio",
      method: "Ours against a baseline.",
      rows: [
        { label: "ours ÷ baseline", unit: "×", values: [12, 8, 9, 30, 11], goal: { compare: "at most", value: 10 } },
        { label: "baseline", unit: "ms", values: [40, 41, 39, 40, 42] },
      ],
    },
    {
      id: "2",
      title: "an absolute",
      method: "A command.",
      rows: [{ label: "command", unit: "ms", values: [400, 450, 420, 380, 900], goal: { compare: "at most", value: 500 } }],
    },
    { id: "6", title: "a server", method: "Needs the corpus.", rows: [], skipped: "no documentation at ../docs" },
  ];

  it("is a summary of the goals, then every figure with its rows, and says which goals are missed", async () => {
    const markdown = resultsMarkdown(figures, { runs: 5, date: new Date("2025-01-02T03:04:05Z"), machine, seconds: 93.4 });
    await expect(markdown).toMatchFileSnapshot("__golden__/results.md");
    // The median of 12, 8, 9, 30, 11 is 11: missed; of 400, 450, 420, 380, 900 it is 420: met.
    expect(markdown).toContain("| 1 | a ratio | ours ÷ baseline | 11.0× | 8.00× | 30.0× | ≤ 10× | **missed** |");
    expect(markdown).toContain("| 2 | an absolute | command | 420 ms | 380 ms | 900 ms | ≤ 500 ms | met |");
  });
});

describe("runNode", () => {
  it("reports the exit code, the output, and the peak memory without mixing it into stderr", async () => {
    const run = await runNode(
      [
        "-e",
        'const big = Buffer.alloc(64 * 1024 * 1024, 1); process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3;',
      ],
      {
        cwd: process.cwd(),
        peakMemory: true,
      },
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("out");
    expect(run.stderr).toBe("err");
    // 64 MB were filled in the child.
    expect(run.maxRssBytes).toBeGreaterThan(64 * 1024 * 1024);
    expect(run.ms).toBeGreaterThan(0);
  });

  it("times a server to the output it waits for, then stops it with SIGTERM", async () => {
    const server =
      'process.on("SIGTERM", () => { process.stderr.write("stopped"); process.exit(0); }); setTimeout(() => process.stdout.write("listening\\n"), 200); setInterval(() => {}, 1000);';
    const run = await runNode(["-e", server], { cwd: process.cwd(), readyWhen: /^listening$/m });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("stopped");
    // Ready after its 200 ms wait, and stopped right after: it would otherwise run forever.
    expect(run.readyMs).toBeGreaterThanOrEqual(200);
    expect(run.ms).toBeGreaterThanOrEqual(run.readyMs!);
  });
});

describe("inTurn", () => {
  it("alternates which measurement goes first, and returns them in their own order", async () => {
    const order: string[] = [];
    const first = async () => (order.push("a"), "a");
    const second = async () => (order.push("b"), "b");
    expect(await inTurn(0, first, second)).toEqual(["a", "b"]);
    expect(await inTurn(1, first, second)).toEqual(["a", "b"]);
    expect(order).toEqual(["a", "b", "b", "a"]);
  });
});

describe("rateShare", () => {
  const limit = { limit: 3, periodMs: 1000 };
  it("is 100 % for a client that sends each request exactly one period after the one `limit` before it", () => {
    expect(rateShare([0, 0, 0, 1000, 1000, 1000, 2000], limit)).toBe(100);
  });
  it("is 50 % for a client that takes twice as long", () => {
    expect(rateShare([0, 0, 0, 2000, 2000, 2000, 4000], limit)).toBe(50);
  });
  it("needs more requests than one window holds", () => {
    expect(() => rateShare([0, 1, 2], limit)).toThrow(/never filled a window/);
  });
});

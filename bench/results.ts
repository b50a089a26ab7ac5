/**
 * bench/RESULTS.md: a summary of every goal, then each figure with what it
 * measures and every row's median, min and max. The machine, the Node version
 * and the date are written here and nowhere else.
 */
import os from "node:os";
import { meetsGoal, summarize, type FigureResult, type Goal, type Row, type Unit } from "./harness.js";

export interface RunInfo {
  runs: number;
  date: Date;
  machine: Machine;
  /** The whole benchmark, setup included. */
  seconds: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** 1, 5 and 15 minutes, when the benchmark started: other work on the machine skews every figure. */
  loadAverage: number[];
}

export function machineInfo(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    cores: os.availableParallelism(),
    memoryGb: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg(),
  };
}

export function resultsMarkdown(figures: readonly FigureResult[], info: RunInfo): string {
  const { machine } = info;
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${info.date.toISOString().slice(0, 16).replace("T", " ")} UTC: ${info.runs} run${info.runs === 1 ? "" : "s"} of each figure, ${Math.round(info.seconds)} s in all.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GB, ${machine.os}; Node ${machine.node};`,
    `load average when the benchmark started ${machine.loadAverage.map((l) => l.toFixed(2)).join(", ")}.`,
    "",
    "Each ratio is computed within a run, against its baseline or peer measured in that same run;",
    "the table gives the median, the lowest and the highest over the runs. Goals are judged on the median.",
    "",
    "| # | figure | measure | median | min | max | goal | |",
    "| --- | --- | --- | ---: | ---: | ---: | --- | --- |",
  ];
  for (const figure of figures) {
    if (figure.skipped !== undefined) {
      lines.push(`| ${figure.id} | ${figure.title} | not measured: ${figure.skipped} | | | | | |`);
      continue;
    }
    for (const row of figure.rows.filter((r) => r.goal !== undefined)) {
      const s = summarize(row.values);
      lines.push(
        `| ${figure.id} | ${figure.title} | ${row.label} | ${formatValue(s.median, row.unit)} | ${formatValue(s.min, row.unit)} | ` +
          `${formatValue(s.max, row.unit)} | ${goalText(row.goal!, row.unit)} | ${meetsGoal(s.median, row.goal!) ? "met" : "**missed**"} |`,
      );
    }
  }
  for (const figure of figures) lines.push("", ...figureSection(figure));
  return `${lines.join("\n")}\n`;
}

function figureSection(figure: FigureResult): string[] {
  const heading = [`## ${figure.id}. ${figure.title}`, "", figure.method];
  if (figure.skipped !== undefined) return [...heading, "", `Not measured: ${figure.skipped}.`];
  return [
    ...heading,
    "",
    "| measure | median | min | max | goal |",
    "| --- | ---: | ---: | ---: | --- |",
    ...figure.rows.map((row) => rowLine(row)),
  ];
}

function rowLine(row: Row): string {
  const s = summarize(row.values);
  const goal = row.goal === undefined ? "" : `${goalText(row.goal, row.unit)}: ${meetsGoal(s.median, row.goal) ? "met" : "**missed**"}`;
  return `| ${row.label} | ${formatValue(s.median, row.unit)} | ${formatValue(s.min, row.unit)} | ${formatValue(s.max, row.unit)} | ${goal} |`;
}

const goalText = (goal: Goal, unit: Unit): string =>
  `${goal.compare === "at most" ? "≤" : "≥"} ${unit === "×" && Number.isInteger(goal.value) ? `${goal.value}×` : formatValue(goal.value, unit)}`;

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case "×":
      return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
    case "ms":
      return `${value >= 100 ? grouped(Math.round(value)) : value.toFixed(1)} ms`;
    case "MB":
      return `${value.toFixed(1)} MB`;
    case "B":
      return `${grouped(Math.round(value))} B`;
    case "%":
      return `${value.toFixed(1)} %`;
    case "ops/s":
      return `${grouped(Math.round(value))} ops/s`;
    case "count":
      return grouped(Math.round(value));
  }
}

/** Thousands separated by commas, whatever the locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

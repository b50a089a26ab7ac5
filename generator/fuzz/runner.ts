/**
 * The fuzz loop: each case takes a real documentation file, damages it with
 * one or more mutations, and reads it the way `scrape` does (reader, then
 * normalization, validation and serialization), in this process. A case
 * passes when it ends in specs or in diagnostics that say where, or in a
 * refusal that names the file, within the time limit; an exception of any
 * other kind is a crash.
 */
import path from "node:path";
import { GeneratorError, hasErrors, type Diagnostic } from "../diagnostics.js";
import { buildSpecs } from "../scrape.js";
import { readSource } from "../sources/read-source.js";
import type { SourceOperand } from "../sources/source-operand.js";
import { serializeSpec } from "../spec/serialize.js";
import { chooseEncoding } from "./encodings.js";
import { chooseMutations } from "./mutations.js";
import { caseSeed, Random } from "./random.js";
import { clearFolder, INPUT_KINDS, loadSeeds, type InputKind, type Seed, type SeedSelection } from "./targets.js";

export const OUTCOMES = ["spec", "diagnostics", "refused", "crash"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The longest a reader may take over one file, in CPU time (user and system,
 * of the process): unlike the clock, it does not grow while other processes
 * hold the cores. A case over it is read twice more and the best of the three
 * counts, since a garbage collection may land in one read, while a
 * catastrophic pattern or a runaway loop is slow every time. A case still
 * over it may take up to `SEED_FACTOR` times what its undamaged seed takes
 * (the best of three reads too): the largest seed (the 2018 built Slate page,
 * a megabyte of HTML) takes most of the limit undamaged, so that the limit
 * alone would fail it on a busy machine, whereas the damage this looks for
 * (a pattern that backtracks, a walk that grows with the square of the input)
 * costs many times the seed's own read. A case that never finishes is caught
 * by the caller's watchdog.
 */
export const CASE_LIMIT_MS = 1000;
export const SEED_FACTOR = 2;
const READS_OVER_THE_LIMIT = 3;

export interface FuzzOptions {
  /** The documentation corpus folder. */
  corpus: string;
  cases: number;
  seed: number;
  selection: SeedSelection;
  /** A folder the cases' files are written to (emptied for every case). */
  workDir: string;
  limitMs?: number;
  /** Only these case numbers, to replay them. */
  only?: readonly number[];
  /** Told before each case starts: a watchdog's heartbeat, and what to name if it never ends. */
  onStart?: (plan: CasePlan) => void;
  onCase?: (result: CaseResult) => void;
}

export interface CasePlan {
  index: number;
  kind: InputKind;
  /** The corpus file it starts from. */
  seed: string;
  mutations: string[];
  /** Size of the damaged input, in UTF-16 code units. */
  length: number;
}

export interface CaseResult extends CasePlan {
  /** The read's CPU time: the best of three when the first was over the limit. */
  ms: number;
  outcome: Outcome;
  /** Why the case failed: the exception, a diagnostic without a location, a run over the limit. */
  failure?: string;
}

export interface FuzzReport {
  cases: number;
  seed: number;
  byKind: Record<InputKind, number>;
  byOutcome: Record<Outcome, number>;
  failures: CaseResult[];
  slowest: CaseResult | undefined;
}

/** The folder each case is placed in; a refusal must name it. */
const CASE_FOLDER = "fuzz-case";

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seeds = loadSeeds(options.corpus, options.selection);
  const kinds = INPUT_KINDS.filter((kind) => (seeds.get(kind) ?? []).length > 0);
  if (kinds.length === 0) throw new Error(`no documentation files to fuzz in ${options.corpus}`);
  const folder = path.join(options.workDir, CASE_FOLDER);
  await warmUp(
    kinds.map((kind) => seeds.get(kind)![0]!),
    folder,
  );
  const report: FuzzReport = {
    cases: 0,
    seed: options.seed,
    byKind: Object.fromEntries(INPUT_KINDS.map((k) => [k, 0])) as Record<InputKind, number>,
    byOutcome: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
    failures: [],
    slowest: undefined,
  };
  const indices = options.only ?? Array.from({ length: options.cases }, (_, i) => i);
  const seedMs = new Map<string, number>();
  for (const index of indices) {
    const kind = kinds[index % kinds.length]!;
    const result = await runCase(index, kind, seeds.get(kind)!, options, folder, seedMs);
    report.cases += 1;
    report.byKind[kind] += 1;
    report.byOutcome[result.outcome] += 1;
    if (result.failure !== undefined) report.failures.push(result);
    if (report.slowest === undefined || result.ms > report.slowest.ms) report.slowest = result;
    options.onCase?.(result);
  }
  return report;
}

/** Reads one undamaged file of each kind first, so that no case is charged for loading the readers' code. */
async function warmUp(seeds: readonly Seed[], folder: string): Promise<void> {
  for (const seed of seeds) {
    clearFolder(folder);
    await readSource(seed.place(folder, seed.text), { versions: { kind: "all" } }).catch(() => undefined);
  }
}

async function runCase(
  index: number,
  kind: InputKind,
  seeds: readonly Seed[],
  options: FuzzOptions,
  folder: string,
  seedMs: Map<string, number>,
): Promise<CaseResult> {
  const random = new Random(caseSeed(options.seed, index));
  const seed = random.pick(seeds);
  const mutations = chooseMutations(random, seed.text);
  const text = mutations.reduce((current, mutation) => mutation.apply(current, random), seed.text);
  // Drawn after the damage, so that a case's text is what it was before encodings were drawn.
  const encoding = chooseEncoding(random);
  clearFolder(folder);
  const source = seed.place(folder, encoding === undefined ? text : encoding.encode(text, random));
  const applied = [...mutations.map((m) => m.name), ...(encoding === undefined ? [] : [`encoded ${encoding.name}`])];
  const plan: CasePlan = { index, kind, seed: seed.name, mutations: applied, length: text.length };
  options.onStart?.(plan);

  const limit = options.limitMs ?? CASE_LIMIT_MS;
  const read = await bestRead(source, limit);
  const failure = read.failure ?? (read.ms > limit ? await overTheLimit(read.ms, limit, seed, folder, seedMs) : undefined);
  return { ...plan, ms: read.ms, outcome: read.outcome, ...(failure === undefined ? {} : { failure }) };
}

/** A read of the case, and where it is over `limit`, the best of `READS_OVER_THE_LIMIT`. */
async function bestRead(source: SourceOperand, limit: number): Promise<Awaited<ReturnType<typeof readCase>>> {
  let read = await readCase(source);
  for (let reads = 1; read.failure === undefined && read.ms > limit && reads < READS_OVER_THE_LIMIT; reads += 1) {
    const again = await readCase(source);
    if (again.ms < read.ms) read = again;
  }
  return read;
}

/**
 * Why a case over the limit fails, or undefined where it is within `SEED_FACTOR` times its undamaged seed's read. `seedMs` holds
 * what each seed takes (the best of three reads), measured the first time one of its cases is over the limit.
 */
async function overTheLimit(
  ms: number,
  limit: number,
  seed: Seed,
  folder: string,
  seedMs: Map<string, number>,
): Promise<string | undefined> {
  if (!seedMs.has(seed.name)) {
    clearFolder(folder);
    seedMs.set(seed.name, (await bestRead(seed.place(folder, seed.text), 0)).ms);
  }
  return slowness(ms, limit, seedMs.get(seed.name)!);
}

/** Why a read of `ms` fails, or undefined where it is within `limit` or within `SEED_FACTOR` times its seed's `seedMs`. */
export function slowness(ms: number, limit: number, seedMs: number): string | undefined {
  if (ms <= limit || ms <= SEED_FACTOR * seedMs) return undefined;
  return `took ${Math.round(ms)} ms of CPU time, over the ${limit} ms a file may take and ${SEED_FACTOR} times the ${Math.round(seedMs)} ms its undamaged seed takes`;
}

/** One read of a case's files, as `scrape` reads them, with the CPU time it took. */
async function readCase(source: SourceOperand): Promise<{ outcome: Outcome; failure?: string; ms: number }> {
  const started = process.cpuUsage();
  let outcome: Outcome;
  let failure: string | undefined;
  try {
    const read = await readSource(source, { versions: { kind: "all" } });
    const built = buildSpecs([read], { versions: { kind: "all" } });
    for (const spec of built.specs) serializeSpec(spec);
    outcome = built.specs.length > 0 && !hasErrors(built.diagnostics) ? "spec" : "diagnostics";
    failure = unlocated(built.diagnostics);
  } catch (error) {
    if (error instanceof GeneratorError) {
      outcome = "refused";
      failure =
        unlocated(error.diagnostics) ??
        (error.message.includes(CASE_FOLDER) ? undefined : `a refusal that does not say where: ${error.message}`);
    } else {
      outcome = "crash";
      failure = error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 6).join("\n") : String(error);
    }
  }
  const used = process.cpuUsage(started);
  return { outcome, ...(failure === undefined ? {} : { failure }), ms: (used.user + used.system) / 1000 };
}

function unlocated(diagnostics: readonly Diagnostic[]): string | undefined {
  const found = diagnostics.find((d) => typeof d.file !== "string" || d.file === "");
  return found === undefined ? undefined : `a diagnostic without a file: ${found.code}: ${found.message}`;
}

/**
 * `generate` spec by spec: only what changed since the last generate into the
 * folder is rendered, and each file is written (where it differs) as soon as
 * it is rendered, then dropped.
 *
 * Each spec file is hashed (`GenerateInputs`). A spec whose hash the record
 * knows is not even read: the record says its app, version and facts, from
 * which every spec's role is worked out (its app's latest version or not).
 * Then, for each renderer and spec, the unit's files are kept as they are
 * where its key (generator, spec bytes, role) is the record's and its files
 * are as the record left them; otherwise the spec is loaded and rendered.
 * Units whose key changed are rendered first, while another thread stats the
 * output's files (`background-stats.ts`): only a unit with the record's key
 * needs them, to be kept. The shared files (index pages, `latest.json`, the
 * clients' manifest and runtime) are assembled from the units' parts, or kept
 * where no part changed. A renderer that cannot work spec by spec renders
 * from every spec. Everything goes through one staging tree, swapped in at
 * the end: the output is the old tree or the new one, and a render with
 * errors writes nothing.
 */
import path from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics.js";
import { listFiles, withOutput, type TreeDifference } from "../emit.js";
import { stageTree } from "../emit/stage-tree.js";
import type { GenerateInputs } from "../generate-record.js";
import type { Spec } from "../spec/types.js";
import { distinctDiagnostics } from "../render/render-by-spec.js";
import { ownedByAny, type Renderer, type SpecRenderer, type SpecRole } from "../render/renderer.js";
import { statInBackground, type BackgroundStats } from "./background-stats.js";
import { assertWrittenByGenerate } from "./output-origin.js";
import { OutputStats, statOrUndefined } from "./output-stats.js";
import { readSpecEntries, type SpecEntries } from "./spec-entries.js";
import {
  emptyRecord,
  fixedKey,
  partOf,
  readUnitRecord,
  recordedUnits,
  sharedKey,
  unitId,
  unitKey,
  writeUnitRecord,
  type UnitEntry,
  type UnitRecord,
} from "./unit-record.js";
import { pruneStore } from "./unit-store.js";
import { UnitWriter, withoutPart } from "./unit-writer.js";
import { appendAll } from "../util/append.js";

export interface GenerateOutcome {
  diagnostics: Diagnostic[];
  /** What changed in the output; undefined where nothing was written (errors, or no specs). */
  difference?: TreeDifference;
  /** The files the output holds that generate owns. */
  files: number;
  /** The stat lines of those files, as `treeHash` takes them. */
  stats: Map<string, string>;
}

export async function generateBySpec(
  specFolder: string,
  out: string,
  inputs: GenerateInputs,
  renderers: readonly Renderer[],
  options: { reuse: boolean } = { reuse: true },
): Promise<GenerateOutcome> {
  const root = path.resolve(out);
  const roots = new Map(renderers.map((r) => [r.name, r.root]));
  const owns = (file: string) => ownedByAny(renderers, file);
  return withOutput(root, async (refuseWrites) => {
    const recorded = options.reuse ? await readUnitRecord(out, inputs.global, roots) : undefined;
    const existing = new Set((await listFiles(root)).filter(owns));
    assertWrittenByGenerate(out, existing, [...roots.values()]);
    // Only a recorded unit is kept, and only to keep one are its files statted: on another thread, while what changed renders.
    const background = recorded === undefined ? undefined : statInBackground(root, [...existing]);
    try {
      const previous = recorded ?? emptyRecord(inputs.global);
      return await renderInto({
        specFolder,
        out,
        root,
        inputs,
        renderers,
        reuse: options.reuse,
        refuseWrites,
        previous,
        existing,
        background,
      });
    } finally {
      await background?.stop();
    }
  });
}

/** What `renderInto` works with: the output as it is, the last generate's record, the stat lines being taken. */
interface RenderContext {
  specFolder: string;
  out: string;
  /** `out`, resolved. */
  root: string;
  inputs: GenerateInputs;
  renderers: readonly Renderer[];
  reuse: boolean;
  refuseWrites: unknown;
  previous: UnitRecord;
  /** The owned files of the output. */
  existing: ReadonlySet<string>;
  background: BackgroundStats | undefined;
}

async function renderInto(context: RenderContext): Promise<GenerateOutcome> {
  const { out, root, inputs, refuseWrites, previous, existing } = context;
  const specs = await readSpecEntries(context.specFolder, inputs, previous, context.reuse);
  const empty = { diagnostics: specs.diagnostics, files: 0, stats: new Map<string, string>() };
  if (hasErrors(specs.diagnostics) || specs.entries.length === 0) return empty;

  const outputStats = new OutputStats(root, existing, context.background);
  const record = emptyRecord(inputs.global);
  let diagnostics: Diagnostic[] = [];
  let given: readonly string[] = [];
  let addedToStore = 0;
  const difference = await stageTree(root, { existing, refuseWrites }, async (writer) => {
    const units = new UnitWriter(writer, outputStats, out, context.reuse);
    const specUnits = await renderSpecUnits(context, specs, units, outputStats, record);
    diagnostics = [...specs.diagnostics, ...(await renderSharedUnits(context, specs, units, specUnits, record))];
    given = units.given;
    addedToStore = units.addedToStore;
    return !hasErrors(diagnostics);
  });
  if (hasErrors(diagnostics)) return { ...empty, diagnostics };

  const files = new Set(given);
  const stats = statsOfTree(root, files, difference, outputStats);
  // A file gone meanwhile gets no line: its unit is rendered again next time.
  for (const unit of recordedUnits(record)) unit.stats = unit.files.map((file) => stats.get(file) ?? "");
  await writeUnitRecord(out, record);
  if (addedToStore > 0) pruneStore();
  return { diagnostics, difference, files: files.size, stats };
}

/**
 * The unit of every spec-by-spec renderer for every spec, into the record; returns each renderer's units in spec order. Units
 * whose key changed come first, which no stat line can keep, while another thread stats the output; then, with those lines taken,
 * the units the record may keep.
 */
async function renderSpecUnits(
  context: RenderContext,
  specs: SpecEntries,
  units: UnitWriter,
  outputStats: OutputStats,
  record: UnitRecord,
): Promise<UnitEntry[][]> {
  const { inputs, renderers, previous } = context;
  const byRenderer = renderers.map(() => [] as UnitEntry[]);
  const withRecordedKey: (() => Promise<void>)[] = [];
  for (const [i, entry] of specs.entries.entries()) {
    record.specs[entry.file] = { hash: entry.hash, summary: entry.summary };
    for (const [r, renderer] of renderers.entries()) {
      const bySpec = renderer.bySpec;
      if (bySpec === undefined) continue;
      const id = unitId(renderer.name, entry.file);
      const key = unitKey(inputs.portable, renderer.name, entry.hash, entry.role);
      const settle = async () => {
        const unit = await units.unit(renderer, previous.units[id], key, async () =>
          bySpec.renderSpec(await specs.load(entry), entry.role),
        );
        record.units[id] = unit;
        byRenderer[r]![i] = unit;
      };
      if (previous.units[id]?.key === key) withRecordedKey.push(settle);
      else await settle();
    }
    specs.release(entry); // rendered by every renderer that had to: no longer needed
  }
  await outputStats.take();
  for (const settle of withRecordedKey) await settle();
  return byRenderer;
}

/**
 * Each renderer's shared files (assembled from its units' parts) and fixed files, into the record; a renderer that cannot work
 * spec by spec renders from every spec. Returns the renderers' diagnostics, their units' included.
 */
async function renderSharedUnits(
  context: RenderContext,
  specs: SpecEntries,
  units: UnitWriter,
  specUnits: readonly UnitEntry[][],
  record: UnitRecord,
): Promise<Diagnostic[]> {
  const { out, inputs, renderers, previous } = context;
  const { entries } = specs;
  const diagnostics: Diagnostic[] = [];
  for (const [r, renderer] of renderers.entries()) {
    const bySpec = renderer.bySpec;
    if (bySpec === undefined) {
      const rendered = await renderer.render(await Promise.all(entries.map((entry) => specs.load(entry))));
      await units.put(renderer, rendered.value);
      appendAll(diagnostics, rendered.diagnostics);
      continue;
    }
    const ofSpecs = specUnits[r]!;
    const sharedAt = sharedKey(
      inputs.portable,
      renderer.name,
      ofSpecs.map((u) => u.partHash),
    );
    const shared = await units.unit(
      renderer,
      previous.shared[renderer.name],
      sharedAt,
      async () => {
        const parts = await Promise.all(
          ofSpecs.map((unit, i) => partOrRender(out, unit, bySpec, () => specs.load(entries[i]!), entries[i]!.role)),
        );
        const withParts = entries.filter((_, i) => parts[i] !== null);
        return withoutPart(bySpec.renderShared(parts, () => Promise.all(withParts.map((entry) => specs.load(entry)))));
      },
      { stored: false },
    );
    record.shared[renderer.name] = shared;
    const renderFixed = bySpec.renderFixed?.bind(bySpec);
    const fixed =
      renderFixed === undefined
        ? undefined
        : await units.unit(renderer, previous.fixed[renderer.name], fixedKey(inputs.portable, renderer.name), () =>
            withoutPart(renderFixed()),
          );
    if (fixed !== undefined) record.fixed[renderer.name] = fixed;
    const unitDiagnostics = ofSpecs.flatMap((unit) => unit.diagnostics);
    appendAll(diagnostics, distinctDiagnostics([...unitDiagnostics, ...shared.diagnostics, ...(fixed?.diagnostics ?? [])]));
  }
  return diagnostics;
}

/** The stat lines of the tree as it now is: a file written anew has new ones; a kept file, those it had. */
function statsOfTree(root: string, files: ReadonlySet<string>, difference: TreeDifference, before: OutputStats): Map<string, string> {
  const written = new Set([...difference.missing, ...difference.changed]);
  const stats = new Map<string, string>();
  for (const file of files) {
    const line = written.has(file) ? statOrUndefined(root, file) : before.line(file);
    if (line !== undefined) stats.set(file, line);
  }
  return stats;
}

/** A unit's part, from the record; where its file is gone, rendered again from the spec. */
async function partOrRender(
  out: string,
  unit: UnitEntry,
  renderer: SpecRenderer,
  spec: () => Promise<Spec>,
  role: SpecRole,
): Promise<unknown> {
  const recorded = await partOf(out, unit);
  if (recorded !== undefined) return recorded.part;
  return (await renderer.renderSpec(await spec(), role)).value.part ?? null;
}

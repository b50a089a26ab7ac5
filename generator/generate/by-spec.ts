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
import { hasErrors, type Diagnostic, type StageResult } from "../diagnostics.js";
import { listFiles, withOutput, type OutputFile, type TreeDifference } from "../emit.js";
import { stageTree, type TreeWriter } from "../emit/stage-tree.js";
import { statLine, type GenerateInputs } from "../generate-record.js";
import { apiFactsOf } from "../spec/api-facts.js";
import { loadSpecFile } from "../spec/load.js";
import type { Spec } from "../spec/types.js";
import { compareAppVersion } from "../util/order.js";
import { distinctDiagnostics } from "../render/render-by-spec.js";
import { assertOwned, ownedByAny, type Renderer, type SpecRenderer, type SpecRole } from "../render/renderer.js";
import { specRoles, specSummary, type SpecSummary } from "../render/spec-roles.js";
import {
  emptyRecord,
  fixedKey,
  partOf,
  readUnitRecord,
  recordedUnits,
  sharedKey,
  unitEntry,
  unitId,
  unitKey,
  writeUnitRecord,
  type UnitEntry,
  type UnitRecord,
} from "./unit-record.js";
import { statInBackground, type BackgroundStats } from "./background-stats.js";
import { pruneStore, storedSummary, storedUnit, storeSummary, storeUnit } from "./unit-store.js";
import { frame, type Framed } from "../util/framed-json.js";

export interface GenerateOutcome {
  diagnostics: Diagnostic[];
  /** What changed in the output; undefined where nothing was written (errors, or no specs). */
  difference?: TreeDifference;
  /** The files the output holds that generate owns. */
  files: number;
  /** The stat lines of those files, as `treeHash` takes them. */
  stats: Map<string, string>;
}

interface SpecEntry {
  file: string;
  hash: string;
  summary: SpecSummary;
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
  const { specFolder, out, root, inputs, renderers, reuse, refuseWrites, previous, existing, background } = context;
  let now = new Map<string, string | undefined>();
  /** Takes the lines the background worker gave, before the first file is statted. */
  const statsTaken = async () => {
    if (background !== undefined) now = await background.lines;
  };
  const statNow = (file: string): string | undefined => {
    if (!now.has(file)) now.set(file, existing.has(file) ? statOrUndefined(root, file) : undefined);
    return now.get(file);
  };
  const intact = (unit: UnitEntry | undefined, key: string): unit is UnitEntry =>
    unit?.key === key &&
    unit.files.every((file, i) => {
      const line = statNow(file);
      return line !== undefined && line === unit.stats[i];
    });

  // The specs: what each is, from the record where its bytes are the same, else by loading it.
  const loaded = new Map<string, Spec>();
  const loadDiagnostics: Diagnostic[] = [];
  const entries: SpecEntry[] = [];
  for (const { file, hash } of inputs.specs) {
    const known = previous.specs[file]?.hash === hash ? previous.specs[file]!.summary : undefined;
    const summary = known ?? (reuse ? storedSummary(inputs.portable, hash) : undefined);
    if (summary !== undefined) {
      entries.push({ file, hash, summary });
      continue;
    }
    const result = await loadSpecFile(path.join(specFolder, file));
    loadDiagnostics.push(...result.diagnostics);
    const spec = result.value[0];
    if (spec === undefined) continue;
    loaded.set(file, spec);
    entries.push({ file, hash, summary: specSummary(spec, apiFactsOf(spec)) });
    // Only a spec that loads without a word is taken from the store later: what loading says must be said again.
    if (result.diagnostics.length === 0) storeSummary(inputs.portable, hash, entries.at(-1)!.summary);
  }
  const empty = { diagnostics: loadDiagnostics, files: 0, stats: new Map<string, string>() };
  if (hasErrors(loadDiagnostics) || entries.length === 0) return empty;
  entries.sort((a, b) => compareAppVersion(a.summary, b.summary));
  const roles = specRoles(entries.map((e) => e.summary));
  const load = async (entry: SpecEntry): Promise<Spec> => {
    const spec = loaded.get(entry.file) ?? (await loadSpecFile(path.join(specFolder, entry.file))).value[0];
    if (spec === undefined) throw new Error(`${entry.file} can no longer be read as a spec`);
    return spec;
  };

  const record = emptyRecord(inputs.global);
  const given: string[] = [];
  let storedUnits = 0;
  const perRenderer = renderers.map(() => ({ diagnostics: [] as Diagnostic[], units: [] as UnitEntry[] }));
  let diagnostics: Diagnostic[] = [];
  const difference = await stageTree(root, { existing, refuseWrites }, async (writer) => {
    const put = async (renderer: Renderer, files: readonly OutputFile[]) => {
      for (const file of files) {
        assertOwned(renderer, file.path);
        await writer.put(file);
        given.push(file.path);
      }
    };
    const keep = (unit: UnitEntry) => keepFiles(writer, unit.files, given);
    /**
     * The unit as recorded where its key and files are, else as stored under its key, else rendered; then written.
     * `stored`: whether the store keeps it (and is asked for it). Shared units are not kept: they are assembled from the parts in
     * milliseconds, and keeping them would write `latest.json` (megabytes) again at every change to a latest spec.
     */
    const unitFor = async (
      renderer: Renderer,
      known: UnitEntry | undefined,
      key: string,
      render: () => Promise<StageResult<{ files: OutputFile[]; part: unknown }>>,
      { stored = true }: { stored?: boolean } = {},
    ): Promise<UnitEntry> => {
      if (intact(known, key)) {
        keep(known);
        return known;
      }
      const fromStore = reuse && stored ? storedUnit(key, renderer.root) : undefined;
      // Counted where the store may keep it: only a generate that added to the store can have outgrown it.
      if (fromStore === undefined && stored) storedUnits += 1;
      const unit = fromStore === undefined ? await renderAndStore(key, render, stored) : { ...fromStore, part: frame(fromStore.part) };
      await put(renderer, unit.files);
      const files = unit.files.map((f) => f.path);
      return unitEntry(out, key, files, unit.part, unit.diagnostics);
    };
    const noPart = async (files: Promise<StageResult<OutputFile[]>>) => {
      const rendered = await files;
      return { value: { files: rendered.value, part: null }, diagnostics: rendered.diagnostics };
    };

    // First the units whose key changed, which no stat can keep; then, with the output's stat lines taken, the others.
    const recordedKey: (() => Promise<void>)[] = [];
    for (const [i, entry] of entries.entries()) {
      record.specs[entry.file] = { hash: entry.hash, summary: entry.summary };
      for (const [r, renderer] of renderers.entries()) {
        const bySpec = renderer.bySpec;
        if (bySpec === undefined) continue;
        const id = unitId(renderer.name, entry.file);
        const key = unitKey(inputs.portable, renderer.name, entry.hash, roles[i]!);
        const settle = async () => {
          const unit = await unitFor(renderer, previous.units[id], key, async () => bySpec.renderSpec(await load(entry), roles[i]!));
          record.units[id] = unit;
          perRenderer[r]!.units[i] = unit;
        };
        if (previous.units[id]?.key === key) recordedKey.push(settle);
        else await settle();
      }
      loaded.delete(entry.file); // rendered by every renderer that had to: no longer needed
    }
    await statsTaken();
    for (const settle of recordedKey) await settle();
    for (const unitsOf of perRenderer) unitsOf.diagnostics.push(...unitsOf.units.flatMap((unit) => unit.diagnostics));

    for (const [r, renderer] of renderers.entries()) {
      const { units, diagnostics: unitDiagnostics } = perRenderer[r]!;
      const bySpec = renderer.bySpec;
      if (bySpec === undefined) {
        const rendered = await renderer.render(await Promise.all(entries.map(load)));
        await put(renderer, rendered.value);
        diagnostics.push(...rendered.diagnostics);
        continue;
      }
      const sharedAt = sharedKey(
        inputs.portable,
        renderer.name,
        units.map((u) => u.partHash),
      );
      const shared = await unitFor(
        renderer,
        previous.shared[renderer.name],
        sharedAt,
        async () => {
          const parts = await Promise.all(units.map((unit, i) => partOrRender(out, unit, bySpec, () => load(entries[i]!), roles[i]!)));
          const withParts = entries.filter((_, i) => parts[i] !== null);
          return noPart(bySpec.renderShared(parts, () => Promise.all(withParts.map(load))));
        },
        { stored: false },
      );
      record.shared[renderer.name] = shared;
      const renderFixed = bySpec.renderFixed?.bind(bySpec);
      const fixed =
        renderFixed === undefined
          ? undefined
          : await unitFor(renderer, previous.fixed[renderer.name], fixedKey(inputs.portable, renderer.name), () => noPart(renderFixed()));
      if (fixed !== undefined) record.fixed[renderer.name] = fixed;
      diagnostics.push(...distinctDiagnostics([...unitDiagnostics, ...shared.diagnostics, ...(fixed?.diagnostics ?? [])]));
    }
    diagnostics = [...loadDiagnostics, ...diagnostics];
    return !hasErrors(diagnostics);
  });
  if (hasErrors(diagnostics)) return { ...empty, diagnostics };

  // The stat lines of the tree as it now is: a file written anew has new ones; a kept or linked file, those it had.
  const written = new Set([...difference.missing, ...difference.changed]);
  const stats = new Map<string, string>();
  for (const file of new Set(given)) {
    const line = written.has(file) ? statOrUndefined(root, file) : statNow(file);
    if (line !== undefined) stats.set(file, line);
  }
  // A file gone meanwhile gets no line: its unit is rendered again next time.
  for (const unit of recordedUnits(record)) unit.stats = unit.files.map((file) => stats.get(file) ?? "");
  await writeUnitRecord(out, record);
  if (storedUnits > 0) pruneStore();
  return { diagnostics, difference, files: new Set(given).size, stats };
}

/**
 * A unit rendered, its part framed once for the record and the store, and kept in the store (where `store`) for any generate to
 * come. A unit with errors is not kept: nothing is written from it.
 */
async function renderAndStore(
  key: string,
  render: () => Promise<StageResult<{ files: OutputFile[]; part: unknown }>>,
  store: boolean,
): Promise<{ files: OutputFile[]; part: Framed; diagnostics: Diagnostic[] }> {
  const rendered = await render();
  const unit = { files: rendered.value.files, part: frame(rendered.value.part ?? null), diagnostics: rendered.diagnostics };
  if (store && !hasErrors(unit.diagnostics)) storeUnit(key, unit.files, unit.part, unit.diagnostics);
  return unit;
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

function keepFiles(writer: TreeWriter, files: readonly string[], given: string[]): void {
  for (const file of files) {
    writer.keep(file);
    given.push(file);
  }
}

function statOrUndefined(root: string, file: string): string | undefined {
  try {
    return statLine(root, file);
  } catch {
    return undefined; // gone meanwhile
  }
}

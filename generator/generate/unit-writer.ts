/**
 * Each unit of the new tree, into the staging writer: kept as the record has
 * it where its key is the same and its files are as the last generate left
 * them, else taken from the store of rendered units, else rendered (and
 * stored for any generate to come). Its files are written where the output's
 * differ.
 */
import { hasErrors, type Diagnostic, type StageResult } from "../diagnostics.js";
import type { OutputFile } from "../emit.js";
import type { TreeWriter } from "../emit/stage-tree.js";
import { assertOwned, type Renderer } from "../render/renderer.js";
import { frame, type Framed } from "../util/framed-json.js";
import type { OutputStats } from "./output-stats.js";
import { unitEntry, type UnitEntry } from "./unit-record.js";
import { storedUnit, storeUnit } from "./unit-store.js";

/** What a render gives: the unit's files and its part of the shared files (null where it has none). */
export type UnitRender = () => Promise<StageResult<{ files: OutputFile[]; part: unknown }>>;

export class UnitWriter {
  /** Every file given to the new tree, kept or written, in order. */
  readonly given: string[] = [];
  /** How many units the store lacked and was given: only a generate that added to the store can have outgrown it. */
  addedToStore = 0;

  /** `out`: the output folder, where the record's part files live beside. `reuse`: whether the store may serve units. */
  constructor(
    private readonly writer: TreeWriter,
    private readonly stats: OutputStats,
    private readonly out: string,
    private readonly reuse: boolean,
  ) {}

  /**
   * The unit recorded as `known` where it is intact under `key`, else the one stored under `key`, else rendered; then written.
   * `stored`: whether the store keeps it (and is asked for it). Shared units are not kept: they are assembled from the parts in
   * milliseconds, and keeping them would write `latest.json` (megabytes) again at every change to a latest spec.
   */
  async unit(
    renderer: Renderer,
    known: UnitEntry | undefined,
    key: string,
    render: UnitRender,
    { stored = true }: { stored?: boolean } = {},
  ): Promise<UnitEntry> {
    if (this.stats.intact(known, key)) {
      this.keep(known.files);
      return known;
    }
    const fromStore = this.reuse && stored ? storedUnit(key, renderer.root) : undefined;
    if (fromStore === undefined && stored) this.addedToStore += 1;
    const unit = fromStore === undefined ? await renderAndStore(key, render, stored) : { ...fromStore, part: frame(fromStore.part) };
    await this.put(renderer, unit.files);
    const paths = unit.files.map((f) => f.path);
    return unitEntry(this.out, key, paths, unit.part, unit.diagnostics);
  }

  /** Files of a renderer, written where the output's differ. */
  async put(renderer: Renderer, files: readonly OutputFile[]): Promise<void> {
    for (const file of files) {
      assertOwned(renderer, file.path);
      await this.writer.put(file);
      this.given.push(file.path);
    }
  }

  private keep(files: readonly string[]): void {
    for (const file of files) {
      this.writer.keep(file);
      this.given.push(file);
    }
  }
}

/** A render of files alone, as a unit without a part. */
export async function withoutPart(files: Promise<StageResult<OutputFile[]>>): ReturnType<UnitRender> {
  const rendered = await files;
  return { value: { files: rendered.value, part: null }, diagnostics: rendered.diagnostics };
}

/**
 * A unit rendered, its part framed once for the record and the store, and kept in the store (where `store`) for any generate to
 * come. A unit with errors is not kept: nothing is written from it.
 */
async function renderAndStore(
  key: string,
  render: UnitRender,
  store: boolean,
): Promise<{ files: OutputFile[]; part: Framed; diagnostics: Diagnostic[] }> {
  const rendered = await render();
  const unit = { files: rendered.value.files, part: frame(rendered.value.part ?? null), diagnostics: rendered.diagnostics };
  if (store && !hasErrors(unit.diagnostics)) storeUnit(key, unit.files, unit.part, unit.diagnostics);
  return unit;
}

/**
 * The stat lines (`statLine`) of the output's files as they are before the
 * new tree is written: a recorded unit is kept only where each of its files
 * still has the line the last generate left it with. The lines the
 * background worker took are used once it has given them; a file it did not
 * give is statted here when first asked for.
 */
import { statLine } from "../generate-record.js";
import type { BackgroundStats } from "./background-stats.js";
import type { UnitEntry } from "./unit-record.js";

export class OutputStats {
  private lines = new Map<string, string | undefined>();

  /** `existing`: the owned files of the output, relative to `root`. */
  constructor(
    private readonly root: string,
    private readonly existing: ReadonlySet<string>,
    private readonly background: BackgroundStats | undefined,
  ) {}

  /** Takes the lines the background worker gave: called before the first file is statted. */
  async take(): Promise<void> {
    if (this.background !== undefined) this.lines = await this.background.lines;
  }

  /** The line of `file` as it was; undefined where the output has no such file. */
  line(file: string): string | undefined {
    if (!this.lines.has(file)) this.lines.set(file, this.existing.has(file) ? statOrUndefined(this.root, file) : undefined);
    return this.lines.get(file);
  }

  /** Whether `unit` is recorded under `key`, with each of its files as the last generate left it. */
  intact(unit: UnitEntry | undefined, key: string): unit is UnitEntry {
    return (
      unit?.key === key &&
      unit.files.every((file, i) => {
        const line = this.line(file);
        return line !== undefined && line === unit.stats[i];
      })
    );
  }
}

/** The stat line of a file; undefined where it is gone. */
export function statOrUndefined(root: string, file: string): string | undefined {
  try {
    return statLine(root, file);
  } catch {
    return undefined; // gone meanwhile
  }
}

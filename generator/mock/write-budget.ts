/**
 * How much clients may store in a mock server. Its records live in memory for
 * the server's lifetime and every create adds one, so a test suite caught in a
 * loop, or a hostile client, would otherwise grow the process until the
 * machine runs out of memory. A write past either bound is refused (507)
 * before anything is stored; deleting records gives their share back.
 */
import type { FixtureRecord } from "../dataset/records.js";

/** Records created and not deleted, across every app-version the server holds. */
export const MAX_CREATED_RECORDS = 100_000;
/** What the records clients wrote (created or updated) hold, counted as the length of their JSON. */
export const MAX_WRITTEN_BYTES = 256 * 1024 * 1024;

export const sizeOf = (record: FixtureRecord): number => JSON.stringify(record).length;

export class WriteBudget {
  private readonly written = new Map<FixtureRecord, { size: number; created: boolean }>();
  private created = 0;
  private bytes = 0;

  constructor(
    readonly maxCreated = MAX_CREATED_RECORDS,
    readonly maxBytes = MAX_WRITTEN_BYTES,
  ) {}

  /** Whether a write that adds at most `added` bytes (and, for a create, one record) stays within both bounds. */
  fits(added: number, creating: boolean): boolean {
    return this.bytes + added <= this.maxBytes && (!creating || this.created < this.maxCreated);
  }

  /** Counts `record` as it now is, after a write that `fits` admitted. */
  wrote(record: FixtureRecord, creating: boolean): void {
    const before = this.written.get(record);
    const size = sizeOf(record);
    this.bytes += size - (before?.size ?? 0);
    if (creating) this.created += 1;
    this.written.set(record, { size, created: creating || before?.created === true });
  }

  /** Gives back what a deleted record held. */
  deleted(record: FixtureRecord): void {
    const entry = this.written.get(record);
    if (entry === undefined) return;
    this.written.delete(record);
    this.bytes -= entry.size;
    if (entry.created) this.created -= 1;
  }

  describe(): string {
    return `${this.maxCreated.toLocaleString("en-US")} created records and ${sizeText(this.maxBytes)} of written records`;
  }
}

/** `256 MiB` for a whole number of MiB, else the bytes: a bound a test lowered need not be one. */
function sizeText(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes.toLocaleString("en-US")} bytes`;
}

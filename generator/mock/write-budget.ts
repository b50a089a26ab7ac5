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

const sizeOf = (record: FixtureRecord): number => JSON.stringify(record).length;

export class WriteBudget {
  private readonly written = new Map<FixtureRecord, { size: number; created: boolean }>();
  private created = 0;
  private bytes = 0;

  constructor(
    readonly maxCreated = MAX_CREATED_RECORDS,
    readonly maxBytes = MAX_WRITTEN_BYTES,
  ) {}

  /** Counts a record about to be created, measured once, where one more record of its size stays within both bounds. */
  admitCreated(record: FixtureRecord): boolean {
    const size = sizeOf(record);
    if (this.created >= this.maxCreated || this.bytes + size > this.maxBytes) return false;
    this.created += 1;
    this.bytes += size;
    this.written.set(record, { size, created: true });
    return true;
  }

  /** Whether an update that adds at most `added` bytes stays within the bound on bytes. */
  fitsUpdate(added: number): boolean {
    return this.bytes + added <= this.maxBytes;
  }

  /** Counts `record` as it now is, after an update `fitsUpdate` admitted. */
  updated(record: FixtureRecord): void {
    const before = this.written.get(record);
    const size = sizeOf(record);
    this.bytes += size - (before?.size ?? 0);
    this.written.set(record, { size, created: before?.created === true });
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

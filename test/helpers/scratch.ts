/**
 * Files a test makes on disk: a temporary folder per test file (removed after
 * its tests) with a fresh numbered subfolder per case, and the special files
 * a reader may meet under an expected name. Large files are sparse: they take
 * no disk and cost nothing to make, and a reader that refuses them by their
 * size must not read them.
 */
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/** A temporary folder for the calling test file, and a new subfolder of it on each call of `folder`. */
export function scratchFolder(prefix: string): { work: string; folder: (name: string) => string } {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let made = 0;
  const folder = (name: string): string => {
    const created = path.join(work, `${made++}-${name}`);
    mkdirSync(created, { recursive: true });
    return created;
  };
  return { work, folder };
}

/** A file that says it holds `bytes` bytes, and holds no disk. */
export function sparseFile(file: string, bytes: number): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const descriptor = openSync(file, "w");
  try {
    ftruncateSync(descriptor, bytes);
  } finally {
    closeSync(descriptor);
  }
  return file;
}

/** A FIFO at `file`, in place of whatever was there: a read of it waits for ever for a writer. */
export function fifo(file: string): string {
  rmSync(file, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync("mkfifo", [file]);
  return file;
}

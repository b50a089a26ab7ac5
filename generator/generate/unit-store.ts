/**
 * What rendering a unit gave (its files, its part of the shared files, its
 * diagnostics), kept in the cache by the unit's key, and what each spec is
 * (its summary), by the spec's hash. The record of a generate
 * (`unit-record.ts`) serves the next generate into the same folder; the store
 * serves any: a generate into a new folder, a fresh checkout with the cache
 * kept, the same specs scraped again. Keys hold everything that shapes what
 * they name (the generator, the spec's bytes, its role), never a folder of
 * the user's.
 *
 * An entry is checked before it is used, like the record: files must be safe
 * paths under the renderer's folder, diagnostics well formed. Anything else
 * is a miss, and the unit is rendered.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../emit.js";
import { isSafeRelativePath } from "../emit/stage-tree.js";
import type { SpecSummary } from "../render/spec-roles.js";
import { contentCache } from "../util/content-cache.js";
import { isDiagnostic, isSpecSummary, ownedBy } from "./unit-record.js";

export interface StoredUnit {
  files: OutputFile[];
  part: unknown;
  diagnostics: Diagnostic[];
}

const units = contentCache("units");
const summaries = contentCache("summaries");
const UNIT = "pco-codegen stored unit 2";
const SUMMARY = "pco-codegen spec summary 1";

/**
 * An entry's text, in pieces: a first line of JSON (the part, the
 * diagnostics, each file's path and length), then the files' contents one
 * after the other. Tens of megabytes of output are written and read without
 * escaping them into JSON strings and back.
 */
export function unitPieces(unit: StoredUnit): string[] {
  const head = { part: unit.part, diagnostics: unit.diagnostics, files: unit.files.map((f) => [f.path, f.contents.length]) };
  return [`${JSON.stringify(head)}\n`, ...unit.files.map((f) => f.contents)];
}

/** The unit rendered under `key` by the renderer whose folder is `root`, or undefined. */
export function storedUnit(key: string, root: string): StoredUnit | undefined {
  const text = units.read(`${UNIT}\0${key}`);
  const newline = text?.indexOf("\n") ?? -1;
  if (text === undefined || newline < 0) return undefined;
  const head = parsed(text.slice(0, newline));
  if (typeof head !== "object" || head === null) return undefined;
  const { files, part, diagnostics } = head as Record<string, unknown>;
  const filesValid =
    Array.isArray(files) &&
    files.every(
      (file: unknown) =>
        Array.isArray(file) &&
        typeof file[0] === "string" &&
        Number.isSafeInteger(file[1]) &&
        (file[1] as number) >= 0 &&
        isSafeRelativePath(file[0]) &&
        ownedBy(root, file[0]),
    );
  if (!filesValid || !Array.isArray(diagnostics) || !diagnostics.every(isDiagnostic)) return undefined;
  let offset = newline + 1;
  const contents = (files as [string, number][]).map(([path, length]) => {
    const file = { path, contents: text.slice(offset, offset + length) };
    offset += length;
    return file;
  });
  // A truncated or padded entry is not the one written.
  return offset === text.length ? { files: contents, part: part ?? null, diagnostics } : undefined;
}

export function storeUnit(key: string, unit: StoredUnit): void {
  units.writePieces(`${UNIT}\0${key}`, unitPieces(unit));
}

/**
 * What the store may hold: every unit of the committed specs many times over
 * (about 30 MB renders them all), while a cache that only grows would not do.
 */
export const STORE_BYTES = 512 * 1024 * 1024;

/** The units least recently used removed, down to `STORE_BYTES`. */
export function pruneStore(bytes = STORE_BYTES): void {
  units.prune(bytes);
}

/** What the spec of these bytes (`specHash`) is, as this generator (`portable`) read it, or undefined. */
export function storedSummary(portable: string, specHash: string): SpecSummary | undefined {
  const value = parsed(summaries.read(`${SUMMARY}\0${portable}\0${specHash}`));
  return isSpecSummary(value) ? value : undefined;
}

export function storeSummary(portable: string, specHash: string, summary: SpecSummary): void {
  summaries.write(`${SUMMARY}\0${portable}\0${specHash}`, JSON.stringify(summary));
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

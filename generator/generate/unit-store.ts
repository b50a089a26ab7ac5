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
import { framedPieces, unframe, type Framed } from "../util/framed-json.js";
import { byteLengthOf, type TextPiece } from "../util/text-pieces.js";
import { ownedBy } from "../render/renderer.js";
import { isDiagnostic, isSpecSummary } from "./unit-record.js";

export interface StoredUnit {
  files: OutputFile[];
  part: unknown;
  diagnostics: Diagnostic[];
}

const units = contentCache("units");
const summaries = contentCache("summaries");
const UNIT = "pco-codegen stored unit 3";
const SUMMARY = "pco-codegen spec summary 1";

/**
 * An entry's pieces: a first line of JSON (the diagnostics, each file's path
 * and size in bytes, the part's size), then the part, framed
 * (`util/framed-json.ts`), then the files' contents one after the other.
 * Tens of megabytes of output are written and read without escaping them
 * into JSON strings and back.
 */
function unitPieces(files: readonly OutputFile[], part: Framed, diagnostics: readonly Diagnostic[]): TextPiece[] {
  const partPieces = framedPieces(part);
  const texts = files.map((f) => f.pieces ?? [f.contents]);
  const head = { diagnostics, files: files.map((f, i) => [f.path, byteLengthOf(texts[i]!)]), partLength: byteLengthOf(partPieces) };
  return [`${JSON.stringify(head)}\n`, ...partPieces, ...texts.flat()];
}

/** The unit rendered under `key` by the renderer whose folder is `root`, or undefined. */
export function storedUnit(key: string, root: string): StoredUnit | undefined {
  const data = units.readBytes(`${UNIT}\0${key}`);
  const newline = data?.indexOf(0x0a) ?? -1;
  if (data === undefined || newline < 0) return undefined;
  const head = parsed(data.toString("utf8", 0, newline));
  if (typeof head !== "object" || head === null) return undefined;
  const { files, partLength, diagnostics } = head as Record<string, unknown>;
  const filesValid =
    Array.isArray(files) &&
    files.every(
      (file: unknown) =>
        Array.isArray(file) && typeof file[0] === "string" && isSize(file[1]) && isSafeRelativePath(file[0]) && ownedBy(root, file[0]),
    );
  if (!filesValid || !isSize(partLength) || !Array.isArray(diagnostics) || !diagnostics.every(isDiagnostic)) return undefined;
  let offset = newline + 1;
  const part = unframe(data.subarray(offset, offset + partLength));
  if (part === undefined) return undefined;
  offset += partLength;
  const contents = (files as [string, number][]).map(([path, length]) => {
    const file = { path, contents: data.toString("utf8", offset, offset + length) };
    offset += length;
    return file;
  });
  // A truncated or padded entry is not the one written.
  return offset === data.length ? { files: contents, part: part.value, diagnostics } : undefined;
}

export function storeUnit(key: string, files: readonly OutputFile[], part: Framed, diagnostics: readonly Diagnostic[]): void {
  units.writePieces(`${UNIT}\0${key}`, unitPieces(files, part, diagnostics));
}

const isSize = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

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

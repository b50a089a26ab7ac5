/**
 * What the last `generate` into a folder rendered from each spec, so that the
 * next renders only what changed. For every spec file: the hash of its bytes
 * and what its app, version and API-wide facts are. For every renderer and
 * spec (a unit): a key (the hash of everything that shaped it: the
 * generator, the spec's bytes, its role among the others), the files it
 * wrote with the stat line (size, modification time, inode) the generate
 * left each with, its part of the shared files and its diagnostics. For
 * every renderer's shared files, the same keyed by the parts, and for the
 * files that depend on no spec, keyed by the generator alone.
 *
 * A unit is reused when its key is the same and each of its files is still as
 * that generate left it; its files are then kept as they are. The record is
 * in the cache, never in the output. It is checked before it is used: a
 * record that is not what this generator writes, or that names a path
 * outside a renderer's folder, is ignored whole, and everything is rendered.
 * A record only ever keeps files the output holds; it never names one to
 * write or remove.
 */
import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { isSafeRelativePath } from "../emit/stage-tree.js";
import { recordStem } from "../generate-record.js";
import { readOwnFile, readOwnJson } from "../util/read-capped.js";
import { writeCacheFile } from "../util/write-whole.js";
import { framedPieces, unframe, type Framed } from "../util/framed-json.js";
import { byteLengthOf, type TextPiece } from "../util/text-pieces.js";
import { SPEC_FILE } from "../spec/spec-file.js";
import type { SpecSummary } from "../render/spec-roles.js";
import { ownedBy, type SpecRole } from "../render/renderer.js";

const FORMAT = "pco-codegen generate units 4";

export interface UnitEntry {
  key: string;
  files: string[];
  /** The stat line (`statLine`) of each of `files`, as the generate left it; empty until the unit's files are in place. */
  stats: string[];
  /** The hash of the part as written (`util/framed-json.ts`). */
  partHash: string;
  /** The part, where it is small JSON; otherwise it is in a file of its own, named by its hash, of this many bytes. */
  part?: unknown;
  partLength?: number;
  diagnostics: Diagnostic[];
}

export interface UnitRecord {
  format: typeof FORMAT;
  /** The generator, its templates and dependencies, Node, where it ran (`GenerateInputs.global`). */
  global: string;
  specs: Record<string, { hash: string; summary: SpecSummary }>;
  /** By `unitId`. */
  units: Record<string, UnitEntry>;
  /** By renderer name. */
  shared: Record<string, UnitEntry>;
  /** The files that depend on no spec, by renderer name. */
  fixed: Record<string, UnitEntry>;
}

/** Parts of JSON alone up to this size live in the record; larger ones (the combined document's) in files of their own. */
const INLINE_PART = 4096;

export const emptyRecord = (global: string): UnitRecord => ({
  format: FORMAT,
  global,
  specs: {},
  units: {},
  shared: {},
  fixed: {},
});

export const unitId = (renderer: string, specFile: string): string => `${renderer}\0${specFile}`;

/** One hash of the parts of a key, a list of any length (a shared unit's holds every spec's part hash). */
const hashOf = (parts: readonly string[]): string => createHash("sha256").update(parts.join("\0")).digest("hex");

/** The hash of a text in pieces, as written one after another. */
function piecesHash(pieces: readonly TextPiece[]): string {
  const hash = createHash("sha256");
  for (const piece of pieces) hash.update(piece);
  return hash.digest("hex");
}

export function unitKey(global: string, renderer: string, specHash: string, role: SpecRole): string {
  return hashOf(["unit", global, renderer, specHash, JSON.stringify(role)]);
}

export const fixedKey = (global: string, renderer: string): string => hashOf(["fixed", global, renderer]);

export function sharedKey(global: string, renderer: string, partHashes: readonly string[]): string {
  return hashOf(["shared", global, renderer, ...partHashes]);
}

const recordFile = (out: string): string => `${recordStem(out)}.units.json`;
const partsFolder = (out: string): string => `${recordStem(out)}.parts`;
const partName = (hash: string): string => `${hash}.part`;
const partFile = (out: string, hash: string): string => path.join(partsFolder(out), partName(hash));

/**
 * The record of the last generate into `out` by this generator (`global`),
 * with renderers of these roots; undefined where there is none, or none to
 * trust.
 */
export async function readUnitRecord(out: string, global: string, roots: ReadonlyMap<string, string>): Promise<UnitRecord | undefined> {
  // Read at once: decoding megabytes through the stream decoder of an asynchronous read costs several times more.
  const record = readOwnJson(recordFile(out));
  return isUnitRecord(record, roots) && record.global === global ? record : undefined;
}

/**
 * The part of a unit: from the record, or from its own file; undefined where
 * that file is gone, cut short or not a framed value. Its length is checked,
 * not its hash: like the record's other facts, it is the generator's own,
 * written whole, and hashing the megabytes of the combined document's parts
 * again would be a good share of a one-spec change.
 */
export async function partOf(out: string, unit: UnitEntry): Promise<{ part: unknown } | undefined> {
  if ("part" in unit) return { part: unit.part };
  const data = readOwnFile(partFile(out, unit.partHash));
  const read = data !== undefined && data.length === unit.partLength ? unframe(data) : undefined;
  return read === undefined ? undefined : { part: read.value };
}

/** A unit entry for a part just rendered; a large part is written to its own file. */
export function unitEntry(out: string, key: string, files: string[], part: Framed, diagnostics: Diagnostic[]): UnitEntry {
  const pieces = framedPieces(part);
  const partHash = piecesHash(pieces);
  if (part.bytes.length === 0 && part.json.length <= INLINE_PART) {
    return { key, files, stats: [], partHash, part: JSON.parse(part.json) as unknown, diagnostics };
  }
  writeCacheFile(partFile(out, partHash), pieces);
  return { key, files, stats: [], partHash, partLength: byteLengthOf(pieces), diagnostics };
}

/** Every unit the record holds: by spec, shared and fixed. */
export const recordedUnits = (record: UnitRecord): UnitEntry[] =>
  [record.units, record.shared, record.fixed].flatMap((byId) => Object.values(byId));

/** Writes the record, then removes the part files it no longer names: each change to a spec leaves its old part behind. */
export async function writeUnitRecord(out: string, record: UnitRecord): Promise<void> {
  writeCacheFile(recordFile(out), [JSON.stringify(record)]);
  const named = new Set(recordedUnits(record).flatMap((unit) => ("part" in unit ? [] : [partName(unit.partHash)])));
  const folder = partsFolder(out);
  const files = await readdir(folder).catch(() => [] as string[]);
  for (const file of files) {
    if (!named.has(file)) await rm(path.join(folder, file), { force: true }).catch(() => undefined);
  }
}

// What a record must be to be used at all.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isHash = (value: unknown): value is string => isString(value) && /^[0-9a-f]{64}$/.test(value);
const SEVERITIES = new Set(["error", "warning", "info"]);

export function isDiagnostic(value: unknown): value is Diagnostic {
  return (
    isObject(value) &&
    SEVERITIES.has(value.severity as string) &&
    isString(value.code) &&
    isString(value.message) &&
    isString(value.file) &&
    ["line", "column"].every((k) => value[k] === undefined || Number.isInteger(value[k])) &&
    (value.pointer === undefined || isString(value.pointer))
  );
}

export function isSpecSummary(value: unknown): value is SpecSummary {
  return isObject(value) && isString(value.app) && isString(value.version) && isObject(value.facts);
}

/** Each file a safe relative path under `root`. */
function isUnit(value: unknown, root: string | undefined): value is UnitEntry {
  return (
    isObject(value) &&
    root !== undefined &&
    isHash(value.key) &&
    isHash(value.partHash) &&
    (value.partLength === undefined || (Number.isSafeInteger(value.partLength) && (value.partLength as number) >= 0)) &&
    Array.isArray(value.files) &&
    value.files.every((file) => isString(file) && isSafeRelativePath(file) && ownedBy(root, file)) &&
    Array.isArray(value.stats) &&
    value.stats.length === value.files.length &&
    value.stats.every(isString) &&
    Array.isArray(value.diagnostics) &&
    value.diagnostics.every(isDiagnostic)
  );
}

/** `roots`: each renderer's root, by name. */
function isUnitRecord(value: unknown, roots: ReadonlyMap<string, string>): value is UnitRecord {
  if (!isObject(value) || value.format !== FORMAT || !isHash(value.global)) return false;
  const { specs, units, shared, fixed } = value;
  if (!isObject(specs) || !isObject(units) || !isObject(shared) || !isObject(fixed)) return false;
  const specsValid = Object.entries(specs).every(
    ([file, entry]) =>
      SPEC_FILE.test(file) && isSafeRelativePath(file) && isObject(entry) && isHash(entry.hash) && isSpecSummary(entry.summary),
  );
  const unitsValid = Object.entries(units).every(([id, unit]) => isUnit(unit, roots.get(id.split("\0")[0]!)));
  const sharedValid = [shared, fixed].every((byName) => Object.entries(byName).every(([name, unit]) => isUnit(unit, roots.get(name))));
  return specsValid && unitsValid && sharedValid;
}

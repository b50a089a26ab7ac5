/**
 * What the last `generate` into a folder rendered, and from what, so that a
 * generate with nothing to do does nothing: rendering is most of its time.
 *
 * A record holds a fingerprint of everything the output depends on (the spec
 * files; the generator's own code and templates; the installed versions of
 * its dependencies; Node's version) and one hash over every file the
 * generate owns in the folder, paths and contents. When the next generate
 * into that folder finds the same fingerprint and the folder still hashing the
 * same, the output is what rendering would write again. Records live in the
 * generator's cache, never in the output; `check` never consults them.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot } from "./util/cache-root.js";
import { fileHashes } from "./util/file-hashes.js";
import { readOwnJson } from "./util/read-capped.js";
import { writeCacheFile } from "./util/write-whole.js";
import type { Diagnostic } from "./diagnostics.js";
import { listFiles } from "./emit.js";
import { sortedStrings } from "./util/order.js";
import { packageRoot } from "./util/package-root.js";
import { listSpecFiles, MAX_SPEC_BYTES } from "./spec/spec-file.js";

export interface GenerateRecord {
  inputs: string;
  /** The owned files as that generate left them, as `statHash` computes it. */
  tree: string;
  files: number;
  /** The folders and files of the output that generate owned (its renderers' roots). */
  roots: string[];
  /** What that generate printed, to print again. */
  diagnostics: Diagnostic[];
}

/** The generator's compiled code (dist/generator) or its sources, wherever this module runs from. */
const GENERATOR_DIR = path.dirname(fileURLToPath(import.meta.url));
const FORMAT = "pco-codegen generate record 3";

export interface GenerateInputs {
  /** One hash of everything below: the output is what it was when this is. */
  inputs: string;
  /** Everything but the specs: the generator, its templates and dependencies, Node, where it runs. */
  global: string;
  /**
   * `global` but for where it runs: what rendering a spec depends on besides
   * the spec (rendered files name no folder of the user's), so that what was
   * rendered into one folder serves any other.
   */
  portable: string;
  /** Each spec file (relative to the spec folder, sorted) and the hash of its bytes. */
  specs: { file: string; hash: string }[];
}

/** A hash of every input of a generate from `specFolder`, and of each spec: each spec file is read and hashed once. */
export async function inputsFingerprint(specFolder: string): Promise<GenerateInputs> {
  const portableHash = await generatorFingerprint();
  // The paths diagnostics print depend on where the specs are and on the working directory.
  const globalHash = createHash("sha256")
    .update(`${portableHash}\0${path.resolve(specFolder)}\0${process.cwd()}\0`)
    .digest("hex");
  const files = listSpecFiles(specFolder);
  // One after the other: for hundreds of small files that is faster than as many reads through libuv's thread pool.
  const hashes = fileHashes(
    files.map((file) => path.join(specFolder, file)),
    MAX_SPEC_BYTES,
  );
  const specs = files.map((file, i) => ({ file, hash: hashes[i]! }));
  const inputs = createHash("sha256").update(`${globalHash}\0`);
  for (const spec of specs) inputs.update(`spec/${spec.file}\0${spec.hash}\0`);
  return { inputs: inputs.digest("hex"), global: globalHash, portable: portableHash, specs };
}

/**
 * A hash of what rendering depends on besides the specs: the generator's own
 * files, its templates, its dependencies' versions, Node's. The files count
 * by their stats: a rebuild that rewrote them only costs one render.
 */
export async function generatorFingerprint(): Promise<string> {
  const root = packageRoot();
  const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0`);
  hash.update(`generator\0${statHash(GENERATOR_DIR, await listFiles(GENERATOR_DIR))}\0`);
  const templates = path.join(root, "templates");
  hash.update(`templates\0${statHash(templates, await listFiles(templates))}\0`);
  hash.update(await dependencyVersions(root));
  return hash.digest("hex");
}

/** `name@version` of every dependency, as installed: found the way Node finds a package, from the package root up. */
async function dependencyVersions(root: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  const names = sortedStrings(Object.keys(manifest.dependencies ?? {}));
  const versions = await Promise.all(
    names.map(async (name) => {
      for (let dir = root; ; dir = path.dirname(dir)) {
        const installed = path.join(dir, "node_modules", name, "package.json");
        if (existsSync(installed)) return `${name}@${(JSON.parse(await readFile(installed, "utf8")) as { version: string }).version}`;
        if (path.dirname(dir) === dir) return `${name}@missing`;
      }
    }),
  );
  return versions.join("\0");
}

/**
 * What the file system says of a file: its size, modification time and inode.
 * An edit, a file put in its place or a `touch` changes it; reading the file
 * is not needed, which for a thousand files of output is most of a no-op's
 * time (make and git judge files alike).
 */
export function statLine(folder: string, file: string): string {
  const stat = lstatSync(path.join(folder, file), { bigint: true });
  return statLineOf(stat.size, stat.mtimeNs, stat.ino);
}

export const statLineOf = (size: bigint, mtimeNs: bigint, ino: bigint): string => `${size} ${mtimeNs} ${ino}`;

/** One hash over the stat lines of files, by path. */
export function treeHash(lines: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  for (const file of sortedStrings(lines.keys())) hash.update(`${file}\0${lines.get(file)!}\0`);
  return hash.digest("hex");
}

/** `treeHash` of files as they are now. */
export function statHash(folder: string, files: readonly string[]): string {
  return treeHash(new Map(files.map((file) => [file, statLine(folder, file)])));
}

/**
 * The record, when the folder is as the last generate into it left it. What
 * that generate owned is read from the record: the renderers (and their
 * modules) are not loaded to say it, and a generator that owns other roots
 * has another fingerprint anyway.
 */
export async function unchangedSinceRecord(out: string, inputs: string): Promise<GenerateRecord | undefined> {
  const record = await readRecord(out);
  if (record === undefined || record.inputs !== inputs) return undefined;
  const owns = (file: string) => record.roots.some((root) => file === root || file.startsWith(`${root}/`));
  const owned = (await listFiles(out)).filter(owns);
  if (owned.length !== record.files) return undefined;
  try {
    return statHash(out, owned) === record.tree ? record : undefined;
  } catch {
    return undefined; // a file went away meanwhile: render
  }
}

/** Where the records of generates into `out` are kept: `<cache>/generate/<hash of the folder's path>`, with a suffix per record. */
export const recordStem = (out: string): string =>
  path.join(cacheRoot(), "generate", createHash("sha256").update(path.resolve(out)).digest("hex").slice(0, 32));

const recordFile = (out: string): string => `${recordStem(out)}.json`;

async function readRecord(out: string): Promise<GenerateRecord | undefined> {
  // None yet, or unreadable: render.
  const record = readOwnJson(recordFile(out)) as Partial<GenerateRecord> | undefined;
  const valid =
    record !== undefined &&
    typeof record.inputs === "string" &&
    typeof record.tree === "string" &&
    typeof record.files === "number" &&
    Array.isArray(record.roots) &&
    record.roots.every((root) => typeof root === "string") &&
    Array.isArray(record.diagnostics);
  return valid ? (record as GenerateRecord) : undefined;
}

/** Records a generate that has just written `files` files (all it owns) into `out`, which left them as `tree` (`treeHash`) says. */
export function writeRecord(
  out: string,
  inputs: string,
  tree: string,
  files: number,
  roots: readonly string[],
  diagnostics: readonly Diagnostic[],
): void {
  const record: GenerateRecord = { inputs, tree, files, roots: [...roots], diagnostics: [...diagnostics] };
  writeCacheFile(recordFile(out), [JSON.stringify(record)]);
}

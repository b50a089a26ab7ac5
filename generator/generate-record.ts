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
import { createHash, type Hash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot } from "./util/cache-root.js";
import type { Diagnostic } from "./diagnostics.js";
import { listFiles, type OutputFile } from "./emit.js";
import { sortedBy, sortedStrings } from "./util/order.js";
import { packageRoot } from "./util/package-root.js";
import { SPEC_FILE } from "./spec/load.js";

export interface GenerateRecord {
  inputs: string;
  /** The hash of the owned files, as `treeHash` computes it. */
  tree: string;
  files: number;
  /** What that generate printed, to print again. */
  diagnostics: Diagnostic[];
}

/** The generator's compiled code (dist/generator) or its sources, wherever this module runs from. */
const GENERATOR_DIR = path.dirname(fileURLToPath(import.meta.url));
const FORMAT = "pco-codegen generate record 1";

/** A hash of every input of a generate from `specFolder`. */
export async function inputsFingerprint(specFolder: string): Promise<string> {
  const root = packageRoot();
  // The paths diagnostics print depend on where the specs are and on the working directory.
  const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0${path.resolve(specFolder)}\0${process.cwd()}\0`);
  hashFiles(hash, "spec", specFolder, (await listFiles(specFolder)).filter((file) => SPEC_FILE.test(file)));
  hashFiles(hash, "generator", GENERATOR_DIR, await listFiles(GENERATOR_DIR));
  hashFiles(hash, "templates", path.join(root, "templates"), await listFiles(path.join(root, "templates")));
  hash.update(await dependencyVersions(root));
  return hash.digest("hex");
}

/**
 * Files are read one after the other: for a thousand small files that is
 * twice as fast as as many concurrent reads through libuv's thread pool.
 */
function readAll(folder: string, files: readonly string[]): { path: string; contents: Buffer }[] {
  return files.map((file) => ({ path: file, contents: readFileSync(path.join(folder, file)) }));
}

function hashFiles(hash: Hash, label: string, folder: string, files: readonly string[]): void {
  for (const file of readAll(folder, files)) hash.update(`${label}/${file.path}\0${file.contents.length}\0`).update(file.contents);
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

/** One hash over files, paths and contents (as UTF-8 bytes), in path order. */
export function treeHash(files: readonly { path: string; contents: string | Buffer }[]): string {
  const hash = createHash("sha256");
  for (const file of sortedBy(files, (f) => f.path)) {
    const size = typeof file.contents === "string" ? Buffer.byteLength(file.contents) : file.contents.length;
    hash.update(`${file.path}\0${size}\0`).update(file.contents);
  }
  return hash.digest("hex");
}

/** The record, when the folder is as the last generate into it left it. */
export async function unchangedSinceRecord(out: string, inputs: string, owns: (file: string) => boolean): Promise<GenerateRecord | undefined> {
  const record = await readRecord(out);
  if (record === undefined || record.inputs !== inputs) return undefined;
  const owned = (await listFiles(out)).filter(owns);
  if (owned.length !== record.files) return undefined;
  return treeHash(readAll(out, owned)) === record.tree ? record : undefined;
}

const recordFile = (out: string): string =>
  path.join(cacheRoot(), "generate", `${createHash("sha256").update(path.resolve(out)).digest("hex").slice(0, 32)}.json`);

async function readRecord(out: string): Promise<GenerateRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(recordFile(out), "utf8")) as Partial<GenerateRecord>;
    const valid = typeof record.inputs === "string" && typeof record.tree === "string" && typeof record.files === "number" && Array.isArray(record.diagnostics);
    return valid ? (record as GenerateRecord) : undefined;
  } catch {
    return undefined; // none yet, or unreadable: render
  }
}

/** Records a generate that wrote `files` (all the files it owns) into `out`. */
export async function writeRecord(out: string, inputs: string, files: readonly OutputFile[], diagnostics: readonly Diagnostic[]): Promise<void> {
  const record: GenerateRecord = { inputs, tree: treeHash(files), files: files.length, diagnostics: [...diagnostics] };
  const file = recordFile(out);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(record));
    await rename(temporary, file);
  } catch {
    // a read-only cache only costs speed
  }
}

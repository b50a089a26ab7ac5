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
import { existsSync, lstatSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cacheRoot } from "./util/cache-root.js";
import type { Diagnostic } from "./diagnostics.js";
import { listFiles, type OutputFile } from "./emit.js";
import { sortedStrings } from "./util/order.js";
import { packageRoot } from "./util/package-root.js";
import { SPEC_FILE } from "./spec/spec-file.js";

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
const FORMAT = "pco-codegen generate record 2";

/** A hash of every input of a generate from `specFolder`. */
export async function inputsFingerprint(specFolder: string): Promise<string> {
  const root = packageRoot();
  // The paths diagnostics print depend on where the specs are and on the working directory.
  const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0${path.resolve(specFolder)}\0${process.cwd()}\0`);
  hashFiles(
    hash,
    "spec",
    specFolder,
    (await listFiles(specFolder)).filter((file) => SPEC_FILE.test(file)),
  );
  // The generator's own files by their stats: a rebuild that rewrote them only costs one render.
  hash.update(`generator\0${statHash(GENERATOR_DIR, await listFiles(GENERATOR_DIR))}\0`);
  const templates = path.join(root, "templates");
  hash.update(`templates\0${statHash(templates, await listFiles(templates))}\0`);
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

/**
 * One hash over what the file system says of each file: its path, size,
 * modification time and inode. An edit, a file put in its place or a
 * `touch` changes it; reading the files is not needed, which for a thousand
 * files of output is most of a no-op's time (make and git judge files alike).
 */
export function statHash(folder: string, files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of sortedStrings(files)) {
    const stat = lstatSync(path.join(folder, file), { bigint: true });
    hash.update(`${file}\0${stat.size}\0${stat.mtimeNs}\0${stat.ino}\0`);
  }
  return hash.digest("hex");
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

const recordFile = (out: string): string =>
  path.join(cacheRoot(), "generate", `${createHash("sha256").update(path.resolve(out)).digest("hex").slice(0, 32)}.json`);

async function readRecord(out: string): Promise<GenerateRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(recordFile(out), "utf8")) as Partial<GenerateRecord>;
    const valid =
      typeof record.inputs === "string" &&
      typeof record.tree === "string" &&
      typeof record.files === "number" &&
      Array.isArray(record.roots) &&
      record.roots.every((root) => typeof root === "string") &&
      Array.isArray(record.diagnostics);
    return valid ? (record as GenerateRecord) : undefined;
  } catch {
    return undefined; // none yet, or unreadable: render
  }
}

/** Records a generate that has just written `files` (all the files it owns) into `out`. */
export async function writeRecord(
  out: string,
  inputs: string,
  files: readonly OutputFile[],
  roots: readonly string[],
  diagnostics: readonly Diagnostic[],
): Promise<void> {
  let tree: string;
  try {
    tree = statHash(
      out,
      files.map((f) => f.path),
    );
  } catch {
    return; // the folder changed under us: no record, the next generate renders
  }
  const record: GenerateRecord = { inputs, tree, files: files.length, roots: [...roots], diagnostics: [...diagnostics] };
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

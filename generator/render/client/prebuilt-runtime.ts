/**
 * The runtime's files written by the build, beside the compiled generator
 * (`dist/runtime.json`, shipped in the package), so that `generate` neither
 * formats nor compiles them: with every client's own code written directly,
 * the runtime is all that needed the TypeScript compiler, which an installed
 * generator does not have. The copy names the code that wrote it: a hash of
 * the contents of the generator's files and of the runtime's templates (the
 * versions of the formatter and the compiler are the lockfile's, and a build
 * follows any change of it). Any other code (run from the sources, edited
 * since the build) renders the runtime itself, as does a copy that is not
 * what the build writes.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { OutputFile } from "../../emit.js";
import { listFiles } from "../../emit.js";
import { isSafeRelativePath } from "../../emit/stage-tree.js";
import { packageRoot } from "../../util/package-root.js";
import { readOwnJson } from "../../util/read-capped.js";
import { writeWholeSync } from "../../util/write-whole.js";
import { CLIENTS_ROOT, renderRuntime, RUNTIME } from "./runtime-files.js";

const FORMAT = "pco-codegen prebuilt runtime 1";
export const PREBUILT_RUNTIME = path.join(packageRoot(), "dist", "runtime.json");
/** The generator's code: dist/generator, or generator/ where this runs from the sources. */
const GENERATOR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The generator's fuzzer, which the package leaves out (package.json "files"): not code that renders. */
const NOT_SHIPPED = /^fuzz\//;

/** One hash over the contents of every file of the generator and of the runtime's templates, by path. */
async function codeHash(): Promise<string> {
  const hash = createHash("sha256").update(`${FORMAT}\0`);
  for (const folder of [GENERATOR_DIR, path.join(packageRoot(), "templates", RUNTIME)]) {
    for (const file of await listFiles(folder)) {
      if (folder === GENERATOR_DIR && NOT_SHIPPED.test(file)) continue;
      hash
        .update(`${file}\0`)
        .update(readFileSync(path.join(folder, file)))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

interface Prebuilt {
  format: typeof FORMAT;
  generator: string;
  files: OutputFile[];
}

export async function writePrebuiltRuntime(file = PREBUILT_RUNTIME): Promise<void> {
  const prebuilt: Prebuilt = { format: FORMAT, generator: await codeHash(), files: await renderRuntime() };
  writeWholeSync(file, [JSON.stringify(prebuilt)]);
}

/** The runtime's files as the build wrote them for this generator; undefined where there is no such copy. */
export async function prebuiltRuntime(file = PREBUILT_RUNTIME): Promise<OutputFile[] | undefined> {
  const value = readOwnJson(file);
  if (!isPrebuilt(value) || value.generator !== (await codeHash())) return undefined;
  return value.files;
}

function isPrebuilt(value: unknown): value is Prebuilt {
  if (typeof value !== "object" || value === null) return false;
  const { format, generator, files } = value as Record<string, unknown>;
  const inRuntime = (file: unknown): boolean => {
    const { path: relative, contents } = (file ?? {}) as Record<string, unknown>;
    return (
      typeof relative === "string" &&
      typeof contents === "string" &&
      isSafeRelativePath(relative) &&
      relative.startsWith(`${CLIENTS_ROOT}/${RUNTIME}/`)
    );
  };
  return format === FORMAT && typeof generator === "string" && Array.isArray(files) && files.every(inRuntime);
}

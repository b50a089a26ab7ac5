/**
 * The runtime's files written by the build, beside the compiled generator
 * (`dist/runtime.json`), so that `generate` neither formats nor compiles them:
 * with every client's own code written directly, the runtime is all that
 * needed the TypeScript compiler. The copy names the generator that wrote it
 * (`generatorFingerprint` over its own files, the runtime's templates, its
 * dependencies and Node); any other generator (run from the sources, rebuilt,
 * installed elsewhere) renders the runtime itself. A copy that is not what
 * the build writes is ignored the same way.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { OutputFile } from "../../emit.js";
import { isSafeRelativePath } from "../../emit/stage-tree.js";
import { generatorFingerprint } from "../../generate-record.js";
import { packageRoot } from "../../util/package-root.js";
import { CLIENTS_ROOT, renderRuntime, RUNTIME } from "./runtime-files.js";

const FORMAT = "pco-codegen prebuilt runtime 1";
export const PREBUILT_RUNTIME = path.join(packageRoot(), "dist", "runtime.json");
const TEMPLATES = `templates/${RUNTIME}`;

interface Prebuilt {
  format: typeof FORMAT;
  generator: string;
  files: OutputFile[];
}

export async function writePrebuiltRuntime(file = PREBUILT_RUNTIME): Promise<void> {
  const prebuilt: Prebuilt = { format: FORMAT, generator: await generatorFingerprint(TEMPLATES), files: await renderRuntime() };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(prebuilt));
  renameSync(temporary, file);
}

/** The runtime's files as the build wrote them for this generator; undefined where there is no such copy. */
export async function prebuiltRuntime(file = PREBUILT_RUNTIME): Promise<OutputFile[] | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  if (!isPrebuilt(value) || value.generator !== (await generatorFingerprint(TEMPLATES))) return undefined;
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

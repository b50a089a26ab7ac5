/**
 * One side of a comparison, named the way the user names it: a spec file, a
 * folder of specs, or a documentation source (`portal:<folder|url>`,
 * `slate:<path|url>`), which is read into specs on the spot.
 */
import { stat } from "node:fs/promises";
import { diagnostic, GeneratorError, type Diagnostic } from "../diagnostics.js";
import { displayPath } from "../util/display-path.js";
import { parseSourceOperand, SOURCE_KINDS } from "../sources/source-operand.js";
import type { VersionChoice } from "../sources/portal/versions.js";
import { loadSpecFile, loadSpecs } from "../spec/load.js";
import type { Spec } from "../spec/types.js";
import type { ReadDocs } from "./read-docs.js";

export interface SpecSet {
  /** The operand as given, for the changelog's header. */
  label: string;
  /** A single spec file: compared as it is, whatever its app and version. */
  single: boolean;
  specs: Spec[];
  diagnostics: Diagnostic[];
}

/** `portal:...`, `slate:...`: a source rather than a path. */
export function isSourceOperand(operand: string): boolean {
  const kind = /^([a-z-]+):/.exec(operand)?.[1];
  return kind !== undefined && (SOURCE_KINDS as readonly string[]).includes(kind);
}

/**
 * Reads one side. A missing path is a GeneratorError (exit 2); specs that
 * fail to load and docs with errors come back as error diagnostics.
 */
export async function readSpecSet(
  operand: string,
  options: { apps?: readonly string[]; versions: VersionChoice },
  readDocs: ReadDocs,
): Promise<SpecSet> {
  const keep = (specs: Spec[]) => (options.apps?.length ? specs.filter((s) => options.apps!.includes(s.app)) : specs);
  if (isSourceOperand(operand)) {
    const read = await readDocs({ from: [parseSourceOperand(operand)], ...options });
    return { label: operand, single: false, specs: read.specs, diagnostics: read.diagnostics };
  }
  const label = displayPath(operand);
  const refuse = (reason: string) =>
    new GeneratorError(
      `cannot read ${label}: ${reason} (expected a spec file, a folder of specs, or a source such as portal:<folder|url>)`,
      {
        exitCode: 2,
      },
    );
  const info = await stat(operand).catch((error: NodeJS.ErrnoException) => {
    throw refuse(error.code ?? String(error));
  });
  // A FIFO, socket or device is neither: read as a folder, it would hold no specs, and the comparison would find no change.
  if (!info.isFile() && !info.isDirectory()) throw refuse("not a file or a folder");
  const isFile = info.isFile();
  const loaded = isFile ? await loadSpecFile(operand) : await loadSpecs(operand);
  const diagnostics = [...loaded.diagnostics];
  if (!isFile && loaded.value.length === 0 && diagnostics.length === 0) {
    diagnostics.push(diagnostic("warning", "DIFF_NO_SPECS", "no specs (<app>/<version>.json) in this folder", { file: label }));
  }
  // A spec file is compared as it is: `--app` chooses among the specs of a folder or a source.
  return { label, single: isFile, specs: isFile ? loaded.value : keep(loaded.value), diagnostics };
}

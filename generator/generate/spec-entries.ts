/**
 * The specs of a generate, as the units are keyed: each spec file's hash,
 * what it is (its app, version and API-wide facts) and its role among the
 * others. A spec whose hash the last generate's record knows, or whose summary
 * the store keeps, is not read at all; the others are loaded, once, and held
 * until every renderer has rendered them.
 */
import path from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { GenerateInputs } from "../generate-record.js";
import type { SpecRole } from "../render/renderer.js";
import { specRoles, specSummary, type SpecSummary } from "../render/spec-roles.js";
import { apiFactsOf } from "../spec/api-facts.js";
import { loadSpecFile, misplacement } from "../spec/load.js";
import { displayPath } from "../util/display-path.js";
import type { Spec } from "../spec/types.js";
import { compareAppVersion } from "../util/order.js";
import type { UnitRecord } from "./unit-record.js";
import { storedSummary, storeSummary } from "./unit-store.js";
import { appendAll } from "../util/append.js";

export interface SpecEntry {
  /** Relative to the spec folder. */
  file: string;
  hash: string;
  summary: SpecSummary;
  role: SpecRole;
}

export interface SpecEntries {
  /** In app and version order. */
  entries: SpecEntry[];
  /** What loading the specs said. */
  diagnostics: Diagnostic[];
  /** The spec of an entry: the one already loaded, else read now. */
  load(entry: SpecEntry): Promise<Spec>;
  /** Drops the spec loaded for an entry, once every renderer has it. */
  release(entry: SpecEntry): void;
}

export async function readSpecEntries(
  specFolder: string,
  inputs: GenerateInputs,
  previous: UnitRecord,
  reuse: boolean,
): Promise<SpecEntries> {
  const loaded = new Map<string, Spec>();
  const diagnostics: Diagnostic[] = [];
  const summaries: Omit<SpecEntry, "role">[] = [];
  for (const { file, hash } of inputs.specs) {
    const known = previous.specs[file]?.hash === hash ? previous.specs[file]!.summary : undefined;
    const summary = known ?? (reuse ? storedSummary(inputs.portable, hash) : undefined);
    const misplaced = (spec: Pick<Spec, "app" | "version">) => misplacement(file, spec, displayPath(path.join(specFolder, file)));
    if (summary !== undefined) {
      const problem = misplaced(summary);
      if (problem === undefined) summaries.push({ file, hash, summary });
      else diagnostics.push(problem);
      continue;
    }
    const result = await loadSpecFile(path.join(specFolder, file));
    appendAll(diagnostics, result.diagnostics);
    const spec = result.value[0];
    if (spec === undefined) continue;
    const problem = misplaced(spec);
    if (problem !== undefined) {
      diagnostics.push(problem);
      continue;
    }
    loaded.set(file, spec);
    const loadedSummary = specSummary(spec, apiFactsOf(spec));
    summaries.push({ file, hash, summary: loadedSummary });
    // Only a spec that loads without a word is taken from the store later: what loading says must be said again.
    if (result.diagnostics.length === 0) storeSummary(inputs.portable, hash, loadedSummary);
  }
  summaries.sort((a, b) => compareAppVersion(a.summary, b.summary));
  const roles = specRoles(summaries.map((s) => s.summary));
  return {
    entries: summaries.map((s, i) => ({ ...s, role: roles[i]! })),
    diagnostics,
    async load(entry) {
      const spec = loaded.get(entry.file) ?? (await loadSpecFile(path.join(specFolder, entry.file))).value[0];
      if (spec === undefined) throw new Error(`${entry.file} can no longer be read as a spec`);
      return spec;
    },
    release(entry) {
      loaded.delete(entry.file);
    },
  };
}

/**
 * A renderer's whole output from its spec-by-spec parts: every spec's own
 * files, then the shared files assembled from their parts, then the files
 * that depend on no spec. `render` of every
 * renderer that works spec by spec is this, so that a whole render and the
 * spec-by-spec one of `generate` give the same files by construction.
 */
import type { Diagnostic, StageResult } from "../diagnostics.js";
import type { OutputFile } from "../emit.js";
import { apiFactsOf } from "../spec/api-facts.js";
import type { Spec } from "../spec/types.js";
import { compareAppVersion } from "../util/order.js";
import type { SpecRenderer } from "./renderer.js";
import { specRoles, specSummary } from "./spec-roles.js";
import { appendAll } from "../util/append.js";

/** The same files whatever order the specs come in: they are taken in app and version order. */
export async function renderBySpec(renderer: SpecRenderer, given: readonly Spec[]): Promise<StageResult<OutputFile[]>> {
  const files: OutputFile[] = [];
  const diagnostics = await eachUnitBySpec(renderer, given, (unit) => appendAll(files, unit));
  return { value: files, diagnostics };
}

/**
 * The same files, handed to `take` unit by unit as they are rendered (each spec's own, then the shared ones, then those of no
 * spec) and not kept: a caller that only compares them holds one unit in memory at a time. Returns the diagnostics.
 */
export async function eachUnitBySpec(
  renderer: SpecRenderer,
  given: readonly Spec[],
  take: (files: readonly OutputFile[]) => void,
): Promise<Diagnostic[]> {
  const specs = [...given].sort(compareAppVersion);
  const roles = specRoles(specs.map((spec) => specSummary(spec, apiFactsOf(spec))));
  const diagnostics: Diagnostic[] = [];
  const parts: unknown[] = [];
  for (const [i, spec] of specs.entries()) {
    const output = await renderer.renderSpec(spec, roles[i]!);
    take(output.value.files);
    appendAll(diagnostics, output.diagnostics);
    parts.push(output.value.part);
  }
  const shared = await renderer.renderShared(parts, async () => specs.filter((_, i) => parts[i] !== null));
  take(shared.value);
  const fixed = (await renderer.renderFixed?.()) ?? { value: [], diagnostics: [] };
  take(fixed.value);
  return distinctDiagnostics([...diagnostics, ...shared.diagnostics, ...fixed.diagnostics]);
}

/** A fault met in a spec's files and again in a shared file (the combined document) is reported once. */
export function distinctDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...new Map(diagnostics.map((d) => [JSON.stringify(d), d])).values()];
}

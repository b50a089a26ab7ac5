/**
 * Reads the committed specs (`spec/<app>/<version>.json`) for the renderers and
 * the diff, checking each against the schema.
 */
import path from "node:path";
import { diagnostic, type Diagnostic, type StageResult } from "../diagnostics.js";
import { parseJson } from "../json-text.js";
import { compareAppVersion, compareText } from "../util/order.js";
import { displayPath } from "../util/display-path.js";
import { readCappedText, readFailure } from "../util/read-capped.js";
import { specFileName } from "./serialize.js";
import { listSpecFiles, MAX_SPEC_BYTES, SPEC_FILE } from "./spec-file.js";
import type { Spec } from "./types.js";
import { validateSpec } from "./validate.js";

export { MAX_SPEC_BYTES, SPEC_FILE };

export async function loadSpecs(folder: string): Promise<StageResult<Spec[]>> {
  const files = listSpecFiles(folder);
  const loaded = await Promise.all(files.map((f) => loadSpecFile(path.join(folder, f))));
  const specs: Spec[] = [];
  const diagnostics = loaded.flatMap((l) => l.diagnostics);
  loaded.forEach((l, i) => {
    for (const spec of l.value) {
      const misplaced = misplacement(files[i]!, spec, displayPath(path.join(folder, files[i]!)));
      if (misplaced === undefined) specs.push(spec);
      else diagnostics.push(misplaced);
    }
  });
  specs.sort(compareAppVersion);
  return { value: specs, diagnostics };
}

/**
 * A spec in a file its app and version do not name (`people/2025-03-20.json`
 * holding webhooks 2022-10-20), as an error: two files could otherwise both
 * be one app-version, and render over each other's files.
 */
export function misplacement(file: string, spec: Pick<Spec, "app" | "version">, shown: string): Diagnostic | undefined {
  const expected = specFileName(spec);
  if (file === expected) return undefined;
  return diagnostic("error", "SPEC_MISPLACED", `the spec is of ${spec.app} ${spec.version}, whose file is ${expected}; it is left out`, {
    file: shown,
  });
}

export async function loadSpecFile(file: string): Promise<StageResult<Spec[]>> {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readCappedText(file, MAX_SPEC_BYTES);
  } catch (error) {
    const reason = readFailure(error);
    return { value: [], diagnostics: [diagnostic("error", "SPEC_UNREADABLE", `cannot read the spec: ${reason}`, { file: shown })] };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return { value: [], diagnostics: [diagnostic("error", "SPEC_INVALID_JSON", parsed.message, { file: shown, ...parsed.position })] };
  }
  const problems = validateSpec(parsed.value, shown);
  return problems.length > 0 ? { value: [], diagnostics: problems } : { value: [parsed.value as Spec], diagnostics: [] };
}

/** What the choice of the latest versions looks at: a whole spec, or what a record says of one. */
type SpecName = Pick<Spec, "app" | "version">;

/** A portal version (`2025-03-20`), as opposed to Slate's `legacy` or a page's `unversioned`. */
export const isDatedVersion = (version: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(version);

/** The newest dated version of each app that has one: the API as it is now. */
export function latestDatedPerApp<S extends SpecName>(specs: readonly S[]): S[] {
  return latestPerApp(specs.filter((spec) => isDatedVersion(spec.version)));
}

/** The newest dated version of each app, else its undated one (the one clients are generated for). */
export function latestPerApp<S extends SpecName>(specs: readonly S[]): S[] {
  const latest = new Map<string, S>();
  for (const spec of specs) {
    const current = latest.get(spec.app);
    if (current === undefined || rank(spec) > rank(current)) latest.set(spec.app, spec);
  }
  return [...latest.values()].sort((a, b) => compareText(a.app, b.app));
}

/** Dated versions outrank `legacy`; among them, the newest date wins. */
function rank(spec: SpecName): string {
  return spec.version === "legacy" ? "0" : `1${spec.version}`;
}

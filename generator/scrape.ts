/**
 * docs → specs: read every source (the local Slate sources on a worker thread,
 * sources/read-sources.ts); where two sources of one format give the
 * same app-version the later wins, where sources of different formats do
 * (the documentation API and the official OpenAPI) the spec is their union
 * (spec/merge.ts); keep the versions asked for, normalize and validate.
 * Writing is left to the caller (`specTreePlan` + emit).
 */
import { diagnostic, hasErrors, type Diagnostic } from "./diagnostics.js";
import { isPathName, pathNameProblem } from "./path-name.js";
import type { OutputFile, TreePlan } from "./emit.js";
import { compareAppVersion, compareText } from "./util/order.js";
import type { SpecDraft } from "./spec/draft.js";
import { mergeDraftReads, rankOf } from "./spec/merge.js";
import { normalizeSpec } from "./spec/normalize.js";
import { applyOverrides, projectOverrides, type OverrideSet } from "./spec/overrides.js";
import { specSchema } from "./spec/schema.js";
import { serializeSpec, specFileName } from "./spec/serialize.js";
import type { Spec } from "./spec/types.js";
import { familyOf, type VersionFamily } from "./spec/version-family.js";
import { prepareSpecValidator, validateSpec } from "./spec/validate.js";
import type { DraftRead, ReadContext, SourceRead } from "./sources/reader-result.js";
import { chooseVersions, type VersionChoice } from "./sources/portal/versions.js";
import type { ReadOptions } from "./sources/read-source.js";
import { readSources } from "./sources/read-sources.js";
import type { SourceOperand } from "./sources/source-operand.js";
import { appendAll } from "./util/append.js";

export interface ScrapeOptions extends ReadOptions {
  from: readonly SourceOperand[];
  /** Write app-versions whose docs had errors, saying in `partial` what is missing. */
  allowPartial?: boolean;
  /** Fixes of known errors in the docs; the project's `overrides.json` by default. */
  overrides?: OverrideSet;
}

export interface ScrapeResult {
  /** Specs to write, sorted by app and version. */
  specs: Spec[];
  /** `app/version` read with errors and therefore not written. */
  withheld: string[];
  diagnostics: Diagnostic[];
  /** The apps and version families (`portal`, `legacy`, `page`) this scrape read. */
  covered: { apps: Set<string>; families: Set<VersionFamily> };
  /** What each source was found to be, in `--from` order, for sources that say. */
  detected: string[];
}

export async function collectSpecs(options: ScrapeOptions, context: ReadContext = {}): Promise<ScrapeResult> {
  const reading = readSources(options.from, options, context);
  // Compiling the spec schema is a good part of a cold scrape: done here, it overlaps the Slate worker's parse.
  prepareSpecValidator();
  return buildSpecs(await reading, options);
}

/** Source reads, in `--from` order → the specs to write. */
export function buildSpecs(
  reads: readonly SourceRead[],
  options: Pick<ScrapeOptions, "versions" | "allowPartial" | "overrides">,
): ScrapeResult {
  const overridden = applyOverrides(
    reads.flatMap((read) => read.drafts),
    options.overrides ?? projectOverrides(),
  );
  const diagnostics: Diagnostic[] = [...reads.flatMap((read) => read.diagnostics), ...overridden.diagnostics];
  const kept = keepVersions(unionPerAppVersion(overridden.value), options.versions);
  const covered = {
    apps: new Set(kept.map((k) => k.draft.app)),
    families: new Set(kept.map((k) => familyOf(k.draft.version))),
  };
  const specs: Spec[] = [];
  const withheld: string[] = [];
  for (const { draft, diagnostics: own } of kept) {
    const unsafe = unsafeNames(draft);
    if (unsafe.length > 0) {
      // Its file name would leave the output folder: never written, even with --allow-partial.
      appendAll(diagnostics, unsafe);
      withheld.push(`${draft.app}/${draft.version}`);
      continue;
    }
    const normalized = normalizeSpec(draft);
    const file = specFileName(draft);
    const problems = [...own, ...normalized.diagnostics, ...validateSpec(normalized.value, file)];
    appendAll(diagnostics, problems);
    if (!hasErrors(problems)) {
      const { partial: _none, ...complete } = normalized.value;
      specs.push(complete);
    } else if (options.allowPartial) {
      specs.push(normalized.value);
      diagnostics.push(
        diagnostic("warning", "SCRAPE_PARTIAL_WRITTEN", `${file} was written with errors; its "partial" field lists what is missing`, {
          file,
        }),
      );
    } else {
      withheld.push(`${draft.app}/${draft.version}`);
      diagnostics.push(
        diagnostic("error", "SCRAPE_WITHHELD", `${file} was not written because its docs have errors (--allow-partial writes it anyway)`, {
          file,
        }),
      );
    }
  }
  specs.sort(compareAppVersion);
  const detected = reads.flatMap((read) => (read.detected === undefined ? [] : [read.detected]));
  return { specs, withheld: withheld.sort(compareText), diagnostics, covered, detected };
}

/** A draft's app and version become its file name, `<app>/<version>.json`. */
function unsafeNames(draft: SpecDraft): Diagnostic[] {
  const origin = { file: draft.source.location };
  return [
    ...(isPathName(draft.app)
      ? []
      : [diagnostic("error", "SCRAPE_UNSAFE_NAME", `the app ${pathNameProblem("app", draft.app)}; no spec was written for it`, origin)]),
    ...(isPathName(draft.version)
      ? []
      : [
          diagnostic(
            "error",
            "SCRAPE_UNSAFE_NAME",
            `${draft.app}: the version ${pathNameProblem("version", draft.version)}; no spec was written for it`,
            origin,
          ),
        ]),
  ];
}

/**
 * One draft per app-version: the last read of the documentation (documentation
 * API, Slate, pages) and the last official OpenAPI document, merged in
 * precedence order when there are both.
 */
function unionPerAppVersion(entries: readonly DraftRead[]): DraftRead[] {
  const byKey = new Map<string, Map<string, DraftRead>>();
  for (const entry of entries) {
    const key = `${entry.draft.app}/${entry.draft.version}`;
    const formats = byKey.get(key) ?? new Map<string, DraftRead>();
    formats.set(entry.draft.source.format === "openapi" ? "openapi" : "docs", entry);
    byKey.set(key, formats);
  }
  return [...byKey.values()].map((formats) =>
    [...formats.values()]
      .sort((a, b) => rankOf(a.draft.source.format) - rankOf(b.draft.source.format))
      .reduce((merged, next) => mergeDraftReads(merged, next)),
  );
}

/**
 * With "latest", each app keeps its newest dated version across all sources,
 * and its Slate (`legacy`) and `unversioned` specs beside it.
 */
function keepVersions<T extends { draft: SpecDraft }>(entries: T[], choice: VersionChoice): T[] {
  const sorted = [...entries].sort((a, b) => compareAppVersion(a.draft, b.draft));
  if (choice.kind !== "latest") return sorted;
  return sorted.filter((entry) => {
    if (familyOf(entry.draft.version) !== "portal") return true;
    const siblings = sorted
      .filter((e) => e.draft.app === entry.draft.app && familyOf(e.draft.version) === "portal")
      .map((e) => ({ id: e.draft.version, beta: e.draft.beta ?? false }));
    return chooseVersions(siblings, choice).chosen.includes(entry.draft.version);
  });
}

export const SCHEMA_FILE = "spec.schema.json";

/**
 * The files of a scrape, for emit. With `prune`, spec files of the apps and
 * version families this scrape covered that it no longer produces are removed
 * (a version superseded by a newer one); other apps are left alone.
 */
export function specTreePlan(root: string, result: ScrapeResult, prune: boolean): TreePlan {
  const files: OutputFile[] = [
    { path: SCHEMA_FILE, contents: `${JSON.stringify(specSchema, null, 2)}\n` },
    ...result.specs.map((spec) => ({ path: specFileName(spec), contents: serializeSpec(spec) })),
  ];
  const planned = new Set(files.map((f) => f.path));
  // An app whose new spec was withheld keeps every spec it had.
  const withheldApps = new Set(result.withheld.map((key) => key.split("/")[0]!));
  return {
    root,
    files,
    owns: (relative) => {
      if (planned.has(relative)) return true;
      const match = /^([^/]+)\/([^/]+)\.json$/.exec(relative);
      // Only a file named as a spec is: `people/notes.json` beside the specs is no version of the app's to prune.
      if (!prune || match === null || !SPEC_VERSION.test(match[2]!) || withheldApps.has(match[1]!)) return false;
      return result.covered.apps.has(match[1]!) && result.covered.families.has(familyOf(match[2]!));
    },
  };
}

/** The versions a spec file may be named after, as the spec's schema writes them. */
const SPEC_VERSION = new RegExp(specSchema.properties.version.pattern);

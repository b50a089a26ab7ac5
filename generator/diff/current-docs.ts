/**
 * What the docs say now about the app-versions in a spec folder, for `drift`:
 * each app's latest version, and each committed version the latest is not.
 *
 * A committed version the docs no longer have, or an app they no longer
 * document, is drift rather than a failure to read, so those two diagnostics
 * are turned into "gone" (the comparison then reports the version removed).
 * Versions older than the newest committed one are not brought in: only a
 * newer version appearing is news.
 *
 * PCO serves an official OpenAPI document for some apps only. Read from
 * `openapi:` sources alone, a committed app-version with no document there
 * cannot be checked: it is set apart as unchecked (the command says so) rather
 * than failing the check or being reported removed, unless the user named its
 * app, who then hears that the source has no document for it.
 */
import { formatDiagnostic, GeneratorError, hasErrors, type Diagnostic, type StageResult } from "../diagnostics.js";
import type { SourceOperand } from "../sources/source-operand.js";
import { compareText, sortedStrings } from "../util/order.js";
import type { Spec } from "../spec/types.js";
import { familyOf, type VersionFamily } from "../spec/version-family.js";
import type { ReadDocs } from "./read-docs.js";

/** Codes that mean "the docs no longer have it". */
const GONE = new Set(["PORTAL_UNKNOWN_VERSION", "PORTAL_UNKNOWN_APP"]);

/** Codes that mean "the official OpenAPI documents have none for it": not news, since they cover some apps only. */
const NOT_SERVED = new Set(["OPENAPI_UNKNOWN_APP", "OPENAPI_UNKNOWN_VERSION", "OPENAPI_MISSING_DOCUMENT"]);

export interface CurrentDocs extends StageResult<Spec[]> {
  /** Committed app-versions the sources have no document for, so not compared (empty unless every source is `openapi:`). */
  unchecked: Spec[];
}

export interface CurrentDocsOptions {
  /** The user named the apps (`--app`): an app the sources lack is then an error, never set apart. */
  appsNamed?: boolean;
}

export const familyOfSource = (source: SourceOperand): VersionFamily => (source.kind === "slate" ? "legacy" : "portal");

export async function readCurrentDocs(
  committed: readonly Spec[],
  from: readonly SourceOperand[],
  readDocs: ReadDocs,
  options: CurrentDocsOptions = {},
): Promise<CurrentDocs> {
  const apps = sortedStrings(new Set(committed.map((s) => s.app)));
  const read = (apps: string[], versions: Parameters<ReadDocs>[0]["versions"]) => readDocs({ from, apps, versions });

  const latest = await read(apps, { kind: "latest" });
  const found = new Set(latest.specs.map(key));
  const olderByApp = new Map<string, string[]>();
  for (const spec of committed) {
    if (familyOf(spec.version) === "portal" && !found.has(key(spec)))
      olderByApp.set(spec.app, [...(olderByApp.get(spec.app) ?? []), spec.version]);
  }
  const older = [];
  for (const [app, ids] of [...olderByApp].sort(([a], [b]) => compareText(a, b))) older.push(await read([app], { kind: "list", ids }));

  const specs = [...latest.specs, ...older.flatMap((r) => r.specs)];
  const all = uniqueDiagnostics([...latest.diagnostics, ...older.flatMap((r) => r.diagnostics)]);
  const setApart = !options.appsNamed && from.every((s) => s.kind === "openapi");
  const diagnostics = all.filter((d) => !GONE.has(d.code) && !(setApart && NOT_SERVED.has(d.code)));
  const served = new Set(specs.map(key));
  const unchecked = setApart ? committed.filter((s) => familyOf(s.version) === "portal" && !served.has(key(s))) : [];
  // Every app gone at once is a wrong source, not news.
  if (specs.length === 0 && !hasErrors(diagnostics)) {
    throw new GeneratorError(
      `the docs (${from.map((s) => `${s.kind}:${s.location}`).join(", ")}) document none of the apps checked (${apps.join(", ")})`,
      {
        exitCode: 2,
        diagnostics: all,
      },
    );
  }
  return { value: specs.filter(worthComparing(committed)), diagnostics, unchecked };
}

const key = (spec: Spec) => `${spec.app}/${spec.version}`;

/** A fresh spec is compared when its version is committed, or newer than every committed one of its app and family. */
function worthComparing(committed: readonly Spec[]): (spec: Spec) => boolean {
  const keys = new Set(committed.map(key));
  const newest = new Map<string, string>();
  for (const spec of committed) {
    const family = `${spec.app}/${familyOf(spec.version)}`;
    const current = newest.get(family);
    if (current === undefined || compareText(spec.version, current) > 0) newest.set(family, spec.version);
  }
  return (spec) => {
    if (keys.has(key(spec))) return true;
    const mark = newest.get(`${spec.app}/${familyOf(spec.version)}`);
    return mark !== undefined && compareText(spec.version, mark) > 0;
  };
}

/** Two reads of the same source repeat its warnings; each is kept once. */
function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const text = formatDiagnostic(d);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * Which spec is compared with which, when two sets of specs are compared
 * (two spec folders, the committed specs and the docs).
 *
 * Per app: a version on both sides is compared with itself. Where each side
 * also has dated versions the other lacks, the newest of each are compared
 * (an upgrade, e.g. people 2022-07-14 → 2025-03-20, or a committed version the
 * docs replaced); any other version on one side only is reported as added or
 * removed. Slate specs (`legacy`) are only ever compared with each other.
 */
import { compareText } from "../util/order.js";
import type { Spec } from "../spec/types.js";

export interface SpecPair {
  app: string;
  before?: Spec;
  after?: Spec;
}

export function pairSpecs(before: readonly Spec[], after: readonly Spec[]): SpecPair[] {
  const apps = [...new Set([...before, ...after].map((s) => s.app))].sort(compareText);
  return apps.flatMap((app) => pairApp(app, versionsOf(before, app), versionsOf(after, app)));
}

/** The newest version on a side, for saying what an added or removed version stands beside. */
export function newestVersion(specs: readonly Spec[], app: string): string | undefined {
  return [...versionsOf(specs, app).keys()].filter(isDated).sort(compareText).at(-1);
}

function versionsOf(specs: readonly Spec[], app: string): Map<string, Spec> {
  const versions = new Map<string, Spec>();
  for (const spec of specs) if (spec.app === app && !versions.has(spec.version)) versions.set(spec.version, spec);
  return versions;
}

const isDated = (version: string) => version !== "legacy";

function pairApp(app: string, before: Map<string, Spec>, after: Map<string, Spec>): SpecPair[] {
  const pairs: SpecPair[] = [];
  for (const [version, spec] of before) {
    const other = after.get(version);
    if (other !== undefined) pairs.push({ app, before: spec, after: other });
  }
  const onlyBefore = [...before.keys()].filter((v) => !after.has(v)).sort(compareText);
  const onlyAfter = [...after.keys()].filter((v) => !before.has(v)).sort(compareText);
  const newestBefore = onlyBefore.filter(isDated).at(-1);
  const newestAfter = onlyAfter.filter(isDated).at(-1);
  const replaced = newestBefore !== undefined && newestAfter !== undefined;
  if (replaced) pairs.push({ app, before: before.get(newestBefore)!, after: after.get(newestAfter)! });
  for (const version of onlyBefore) if (!(replaced && version === newestBefore)) pairs.push({ app, before: before.get(version)! });
  for (const version of onlyAfter) if (!(replaced && version === newestAfter)) pairs.push({ app, after: after.get(version)! });
  return pairs.sort((a, b) => compareText(versionOf(a), versionOf(b)));
}

const versionOf = (pair: SpecPair): string => (pair.before ?? pair.after)!.version;

/**
 * Spec × Spec → one SpecComparison: the app-version's own changes, then its
 * resources matched by JSON:API type.
 */
import { compareText } from "../util/order.js";
import type { ApiFacts, Spec } from "../spec/types.js";
import { byName, sameJson } from "./canonical.js";
import type { Change, ChangeValue, ResourceChanges, SpecComparison } from "./change.js";
import { servedRoutes } from "./compare-access.js";
import { compareResource } from "./compare-resource.js";
import { always, propertyChange, proseChange, statedChange, valueChange } from "./keyed.js";

export function compareSpecs(before: Spec, after: Spec): SpecComparison {
  return {
    app: after.app,
    before: before.version,
    after: after.version,
    changes: compareApp(before, after),
    resources: compareResources(before, after),
  };
}

/**
 * The Graph gives an app's description, release notes and beta flag, and the
 * Slate index the API-wide facts; a capture without them says nothing about
 * them, so they are compared only where both sides state them.
 */
function compareApp(before: Spec, after: Spec): Change[] {
  const of = { subject: "app", name: after.app } as const;
  const version: Change[] =
    before.version === after.version
      ? []
      : [{ class: "additive", subject: "version", action: "changed", name: after.version, before: before.version, after: after.version }];
  return [
    ...version,
    ...valueChange(of, "app", before.app, after.app, always("breaking")),
    ...valueChange(of, "baseUrl", before.baseUrl, after.baseUrl, always("breaking")),
    ...proseChange(of, "title", before.title, after.title),
    ...(before.description === undefined || after.description === undefined
      ? []
      : proseChange(of, "description", before.description, after.description)),
    ...(before.versionDetails === undefined || after.versionDetails === undefined
      ? []
      : proseChange(of, "versionDetails", before.versionDetails, after.versionDetails)),
    ...statedChange(of, "beta", before.beta, after.beta, always("additive")),
    ...(before.api === undefined || after.api === undefined ? [] : compareApiFacts(before.api, after.api)),
    ...partialChange(before, after),
  ];
}

/**
 * A spec written with `--allow-partial` lacks what its damaged docs did not
 * give: the changelog says so whenever the newer spec is partial, and when a
 * spec becomes whole again, so that no missing resource reads as a removal.
 */
function partialChange(before: Spec, after: Spec): Change[] {
  const lacks = (spec: Spec) => (spec.partial ?? []).map((p) => `${p.resource ?? p.file}: ${p.missing.join(", ")}`);
  const [b, a] = [lacks(before), lacks(after)];
  if (a.length === 0 && b.length === 0) return [];
  return [
    {
      class: "additive",
      subject: "app",
      action: "changed",
      name: after.app,
      field: "partial",
      ...(b.length === 0 ? {} : { before: b }),
      ...(a.length === 0 ? {} : { after: a }),
    },
  ];
}

/** Each API-wide fact (rate limit, auth, upload...) as a whole: one added is additive, one removed or changed breaking. */
function compareApiFacts(before: ApiFacts, after: ApiFacts): Change[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareText) as (keyof ApiFacts)[];
  return keys.flatMap((key): Change[] => {
    const b = before[key];
    const a = after[key];
    if (sameJson(b, a)) return [];
    if (b === undefined) return [{ class: "additive", subject: "api", action: "added", name: key, after: a as ChangeValue }];
    if (a === undefined) return [{ class: "breaking", subject: "api", action: "removed", name: key, before: b as ChangeValue }];
    return [propertyChange("breaking", { subject: "api", name: key }, key, b as ChangeValue, a as ChangeValue)];
  });
}

function compareResources(before: Spec, after: Spec): ResourceChanges[] {
  const old = byName(before.resources, (r) => r.type);
  const now = byName(after.resources, (r) => r.type);
  const types = [...new Set([...old.keys(), ...now.keys()])].sort(compareText);
  const context = { servedAfter: servedRoutes(after.resources) };
  return types.flatMap((type): ResourceChanges[] => {
    const b = old.get(type);
    const a = now.get(type);
    if (b === undefined)
      return [{ type, status: "added", changes: [{ class: "additive", subject: "resource", action: "added", name: type }] }];
    if (a === undefined)
      return [{ type, status: "removed", changes: [{ class: "breaking", subject: "resource", action: "removed", name: type }] }];
    const changes = compareResource(b, a, context);
    return changes.length === 0 ? [] : [{ type, status: "changed", changes }];
  });
}

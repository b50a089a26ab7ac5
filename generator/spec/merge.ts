/**
 * Two sources, one spec. When the documentation API and the official OpenAPI
 * document describe the same app-version, the spec holds every fact of both:
 * lists are their union, and every fact only one of them gives names its
 * source. Where they disagree (a type, a target, a permission), the value of
 * the source that ranks first is written (`SOURCE_PRECEDENCE`: the
 * documentation API's own vocabulary is the richer one), unless it says
 * nothing (`unknown`); the disagreement is a diagnostic naming both places.
 *
 * A source that could not be read whole (a damaged capture) is completed by a
 * whole one: each resource it lacks or read in part that the other documents
 * is covered, and its errors about it become warnings.
 */
import { diagnostic, type Diagnostic, type Origin } from "../diagnostics.js";
import type { DraftRead } from "../sources/reader-result.js";
import type { AssociationDraft, EndpointDraft, Located, NamedDraft, ResourceDraft, SpecDraft } from "./draft.js";
import { pathShape } from "./paths.js";
import type { PartialNote, Permissions, QueryParam, SourceFormat, SpecSource } from "./types.js";

/** Which source's value is written where two disagree: earlier wins. */
export const SOURCE_PRECEDENCE: readonly SourceFormat[] = ["portal", "portal-page-text", "slate-markdown", "slate-html", "slate-text", "openapi"];

export const rankOf = (format: SourceFormat): number => SOURCE_PRECEDENCE.indexOf(format);

interface Side {
  source: SpecSource;
  format: SourceFormat;
}

interface MergeContext {
  first: Side;
  second: Side;
  diagnostics: Diagnostic[];
}

/** `first` ranks before `second` (see SOURCE_PRECEDENCE). */
export function mergeDraftReads(first: DraftRead, second: DraftRead): DraftRead {
  const ctx: MergeContext = {
    first: { source: first.draft.source, format: first.draft.source.format },
    second: { source: second.draft.source, format: second.draft.source.format },
    diagnostics: [],
  };
  const a = first.draft;
  const b = second.draft;
  const covered = [...coverage(first, b), ...coverage(second, a)];
  const coveredFiles = new Set(covered.map((c) => c.note.file));
  const own = [...first.diagnostics, ...second.diagnostics].map((d) => (d.severity === "error" && coveredFiles.has(d.file) ? coveredWarning(d, covered) : d));
  const partial = [...(a.partial ?? []), ...(b.partial ?? [])].filter((note) => !covered.some((c) => c.note === note));
  const byType = new Map<string, { a?: ResourceDraft; b?: ResourceDraft }>();
  for (const r of a.resources) byType.set(r.type, { a: r });
  for (const r of b.resources) byType.set(r.type, { ...byType.get(r.type), b: r });
  const resources = [...byType.entries()].map(([type, pair]) => mergeResource(type, pair, ctx));
  const draft: SpecDraft = {
    ...a,
    ...(a.description === undefined && b.description !== undefined ? { description: b.description } : {}),
    sources: [...(a.sources ?? [a.source]), ...(b.sources ?? [b.source])],
    ...(a.security ?? b.security ? { security: a.security ?? b.security } : {}),
    ...(a.api ?? b.api ? { api: a.api ?? b.api } : {}),
    resources,
  };
  if (partial.length > 0) draft.partial = partial;
  else delete draft.partial;
  return { draft, diagnostics: [...own, ...ctx.diagnostics] };
}

/** The notes of `read`'s partial list that `other` makes good: it documents the resource whole. */
function coverage(read: DraftRead, other: SpecDraft): { note: PartialNote; by: string }[] {
  const ids = new Set(other.resources.flatMap((r) => [r.id, r.type]));
  return (read.draft.partial ?? [])
    .filter((note) => note.resource !== undefined && ids.has(note.resource))
    .map((note) => ({ note, by: other.source.location }));
}

function coveredWarning(d: Diagnostic, covered: readonly { note: PartialNote; by: string }[]): Diagnostic {
  const by = covered.find((c) => c.note.file === d.file)!.by;
  return { ...d, severity: "warning", message: `${d.message} (covered: ${by} documents the resource)` };
}

function mergeResource(type: string, pair: { a?: ResourceDraft; b?: ResourceDraft }, ctx: MergeContext): ResourceDraft {
  const { a, b } = pair;
  if (a === undefined || b === undefined) {
    const only = (a ?? b)!;
    const [has, lacks] = a !== undefined ? [ctx.first, ctx.second] : [ctx.second, ctx.first];
    disagree(ctx, "info", `the resource ${type} is documented by ${has.source.location} only, not by ${lacks.source.location}`, only.origin, has);
    return { ...only, sources: [has.format] };
  }
  const label = type;
  if (a.path !== undefined && b.path !== undefined && pathShape(a.path) !== pathShape(b.path)) {
    disagree(ctx, "warning", `${label}'s own path is ${a.path} in ${ctx.first.source.location} and ${b.path} in ${ctx.second.source.location}; the first is written`, b.origin, ctx.second);
  }
  return {
    ...a,
    ...(a.description === undefined && b.description !== undefined ? { description: b.description } : {}),
    ...(a.path === undefined && b.path !== undefined ? { path: b.path } : {}),
    attributes: unionByName(a.attributes, b.attributes, `${label} attribute`, ctx, (x, y) => {
      if (x.type === y.type) return x;
      if (x.type === "unknown") {
        disagree(ctx, "warning", `${label}.${x.name} is typed unknown by ${ctx.first.source.location} and ${y.type} by ${ctx.second.source.location}; ${y.type} is written`, y.origin, ctx.second);
        return { ...y, ...(x.description !== undefined ? { description: x.description } : {}) };
      }
      disagree(ctx, "warning", `${label}.${x.name} is typed ${x.type} by ${ctx.first.source.location} and ${y.type} by ${ctx.second.source.location}; ${x.type} is written`, y.origin, ctx.second);
      return { ...x, ...(x.description === undefined && y.description !== undefined ? { description: y.description } : {}) };
    }),
    relationships: unionByName(a.relationships, b.relationships, `${label} relationship`, ctx, (x, y) => {
      if (x.target !== y.target || x.toMany !== y.toMany) {
        const shape = (r: typeof x) => `${r.toMany ? "to-many" : "to-one"} ${r.target}`;
        disagree(ctx, "warning", `${label}.${x.name} is ${shape(x)} in ${ctx.first.source.location} and ${shape(y)} in ${ctx.second.source.location}; the first is written`, y.origin, ctx.second);
      }
      return x;
    }),
    associations: unionByName(a.associations, b.associations, `${label} association`, ctx, (x, y) => mergeAssociation(label, x, y, ctx)),
    actions: unionByName(a.actions, b.actions, `${label} action`, ctx, (x) => x),
    endpoints: mergeEndpoints(label, a.endpoints, b.endpoints, ctx),
    query: {
      where: unionWhere(a.query.where, b.query.where, `${label} where`, ctx),
      order: unionNames(a.query.order, b.query.order),
      include: unionNames(a.query.include, b.query.include),
      ...optionalList("nestedInclude", unionNames(a.query.nestedInclude ?? [], b.query.nestedInclude ?? [])),
      ...optionalList("relationalWhere", unionWhere(a.query.relationalWhere ?? [], b.query.relationalWhere ?? [], `${label} relational where`, ctx)),
      ...(a.query.perPage ?? b.query.perPage ? { perPage: a.query.perPage ?? b.query.perPage } : {}),
      ...(a.query.offset || b.query.offset ? { offset: true } : {}),
    },
    permissions: mergePermissions(label, a.permissions, b.permissions, ctx, b.origin),
    sources: [ctx.first.format, ctx.second.format],
  };
}

function mergeAssociation(label: string, x: AssociationDraft, y: AssociationDraft, ctx: MergeContext): AssociationDraft {
  if (x.target !== y.target || pathShape(x.path) !== pathShape(y.path)) {
    disagree(ctx, "warning", `${label}.${x.name} leads to ${x.target} at ${x.path} in ${ctx.first.source.location} and to ${y.target} at ${y.path} in ${ctx.second.source.location}; the first is written`, y.origin, ctx.second);
  }
  return { ...x, filters: unionNames(x.filters, y.filters) };
}

function mergeEndpoints(label: string, a: readonly EndpointDraft[], b: readonly EndpointDraft[], ctx: MergeContext): EndpointDraft[] {
  const key = (e: EndpointDraft) => `${e.method} ${pathShape(e.path)}`;
  const inB = new Map(b.map((e) => [key(e), e]));
  const inA = new Set(a.map(key));
  const merged = a.map((e) => {
    const other = inB.get(key(e));
    if (other === undefined) {
      disagree(ctx, "info", `${label}: ${e.method} ${e.path} is documented by ${ctx.first.source.location} only`, e.origin, ctx.first);
      return { ...e, sources: [ctx.first.format] };
    }
    const filters = unionNames(e.filters ?? [], other.filters ?? []);
    return { ...e, ...(filters.length > 0 ? { filters } : {}), ...(other.query !== undefined && e.query === undefined ? { query: other.query } : {}) };
  });
  for (const e of b) {
    if (inA.has(key(e))) continue;
    disagree(ctx, "info", `${label}: ${e.method} ${e.path} is documented by ${ctx.second.source.location} only`, e.origin, ctx.second);
    merged.push({ ...e, sources: [ctx.second.format] });
  }
  return merged;
}

function mergePermissions(label: string, a: Permissions, b: Permissions, ctx: MergeContext, origin: Origin | undefined): Permissions {
  for (const flag of ["create", "update", "destroy"] as const) {
    if (a[flag] !== b[flag]) {
      const says = (yes: boolean) => (yes ? `allows ${flag}` : `does not allow ${flag}`);
      disagree(ctx, "warning", `${label}: ${ctx.first.source.location} ${says(a[flag])}, ${ctx.second.source.location} ${says(b[flag])}; ${flag} is allowed, as one source documents it`, origin, ctx.second);
    }
  }
  const union = (x?: string[], y?: string[]) => (x === undefined && y === undefined ? undefined : [...new Set([...(x ?? []), ...(y ?? [])])]);
  const createAttributes = union(a.createAttributes, b.createAttributes);
  const updateAttributes = union(a.updateAttributes, b.updateAttributes);
  return {
    ...a,
    create: a.create || b.create,
    update: a.update || b.update,
    destroy: a.destroy || b.destroy,
    ...(createAttributes === undefined ? {} : { createAttributes }),
    ...(updateAttributes === undefined ? {} : { updateAttributes }),
  };
}

/**
 * Items of both lists, one per name: where both have it, `both` decides; where
 * one has it, it is kept with its source named, and the absence from the
 * other is reported.
 */
function unionByName<T extends NamedDraft & { sources?: SourceFormat[] }>(
  a: readonly T[],
  b: readonly T[],
  kind: string,
  ctx: MergeContext,
  both: (x: T, y: T) => T,
): T[] {
  const inB = new Map(b.map((item) => [item.name, item]));
  const inA = new Set(a.map((item) => item.name));
  const merged: T[] = a.map((x) => {
    const y = inB.get(x.name);
    if (y !== undefined) return both(x, y);
    disagree(ctx, "info", `the ${kind} ${x.name} is documented by ${ctx.first.source.location} only`, x.origin, ctx.first);
    return { ...x, sources: [ctx.first.format] };
  });
  for (const y of b) {
    if (inA.has(y.name)) continue;
    disagree(ctx, "info", `the ${kind} ${y.name} is documented by ${ctx.second.source.location} only`, y.origin, ctx.second);
    merged.push({ ...y, sources: [ctx.second.format] });
  }
  return merged;
}

function unionWhere(a: readonly Located<QueryParam>[], b: readonly Located<QueryParam>[], kind: string, ctx: MergeContext): Located<QueryParam>[] {
  const inB = new Map(b.map((w) => [w.name, w]));
  const names = new Set(a.map((w) => w.name));
  return [
    ...a.map((x) => {
      const y = inB.get(x.name);
      if (y === undefined) return x;
      if (x.type !== y.type) {
        disagree(ctx, "info", `the ${kind} ${x.name} is typed ${x.type} by ${ctx.first.source.location} and ${y.type} by ${ctx.second.source.location}; ${x.type} is written`, y.origin, ctx.second);
      }
      const operators = [...new Set([...(x.operators ?? []), ...(y.operators ?? [])])];
      return { ...x, ...(x.description === undefined && y.description !== undefined ? { description: y.description } : {}), ...(operators.length > 0 ? { operators } : {}) };
    }),
    ...b.filter((y) => !names.has(y.name)),
  ];
}

function unionNames<T extends NamedDraft>(a: readonly T[], b: readonly T[]): T[] {
  const names = new Set(a.map((x) => x.name));
  return [...a, ...b.filter((y) => !names.has(y.name))];
}

function optionalList<K extends string, V>(key: K, list: V[]): { [P in K]?: V[] } {
  return (list.length === 0 ? {} : { [key]: list }) as { [P in K]?: V[] };
}

function disagree(ctx: MergeContext, severity: "warning" | "info", message: string, origin: Origin | undefined, side: Side): void {
  ctx.diagnostics.push(diagnostic(severity, "SPEC_SOURCES_DISAGREE", message, origin ?? { file: side.source.location }));
}

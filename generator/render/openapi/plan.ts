/**
 * The operations of a document: every endpoint, association (GET) and action
 * (POST) of the specs, one operation per method and path. The docs often
 * describe one URL twice (the Organization's `people` association is the
 * People list endpoint); such descriptions become one operation, led by the
 * most specific: an endpoint, then an association, then an action.
 */
import { diagnostic, type Diagnostic, type StageResult } from "../../diagnostics.js";
import { compareText } from "../../util/order.js";
import { specFileName } from "../../spec/serialize.js";
import type { Action, Association, Endpoint, HttpMethod, Resource, Spec } from "../../spec/types.js";
import { appendAll } from "../../util/append.js";

export type OperationItem =
  { kind: "endpoint"; endpoint: Endpoint } | { kind: "association"; association: Association } | { kind: "action"; action: Action };

export interface OperationSource {
  spec: Spec;
  resource: Resource;
  item: OperationItem;
  /** Where the item is in its spec file. */
  pointer: string;
}

export interface PlannedOperation {
  method: HttpMethod;
  /** The OpenAPI path: the spec's template, made valid where the docs' was not. */
  path: string;
  /** Every spec item at this method and path, the one that decides what the operation returns first. */
  sources: OperationSource[];
}

const KIND_RANK = { endpoint: 0, association: 1, action: 2 } as const;

export function planOperations(specs: readonly Spec[]): StageResult<PlannedOperation[]> {
  const diagnostics: Diagnostic[] = [];
  const sources = specs.flatMap(sourcesOf);
  const pathOf = canonicalPaths(sources, diagnostics);
  const groups = new Map<string, PlannedOperation>();
  for (const source of sources) {
    const method = methodOf(source.item);
    const path = pathOf(source);
    const key = `${path} ${method}`;
    const group = groups.get(key) ?? { method, path, sources: [] };
    group.sources.push(source);
    groups.set(key, group);
  }
  const operations = [...groups.values()]
    .map((group) => ({ ...group, sources: group.sources.sort(bySpecificity) }))
    .sort((a, b) => compareText(a.path, b.path) || compareText(a.method, b.method));
  for (const operation of operations) appendAll(diagnostics, sharedUrlWarnings(operation));
  return { value: operations, diagnostics };
}

function sourcesOf(spec: Spec): OperationSource[] {
  return spec.resources.flatMap((resource, r) => [
    ...resource.endpoints.map((endpoint, i) => ({
      spec,
      resource,
      item: { kind: "endpoint" as const, endpoint },
      pointer: `/resources/${r}/endpoints/${i}`,
    })),
    ...resource.associations.map((association, i) => ({
      spec,
      resource,
      item: { kind: "association" as const, association },
      pointer: `/resources/${r}/associations/${i}`,
    })),
    ...resource.actions.map((action, i) => ({
      spec,
      resource,
      item: { kind: "action" as const, action },
      pointer: `/resources/${r}/actions/${i}`,
    })),
  ]);
}

function methodOf(item: OperationItem): HttpMethod {
  if (item.kind === "endpoint") return item.endpoint.method;
  return item.kind === "association" ? "GET" : "POST";
}

function pathOfItem(item: OperationItem): string {
  if (item.kind === "endpoint") return item.endpoint.path;
  return item.kind === "association" ? item.association.path : item.action.path;
}

/** The item's own name: the endpoint's operation, the association's or the action's name. */
export function nameOf(item: OperationItem): string {
  if (item.kind === "endpoint") return item.endpoint.operation;
  return item.kind === "association" ? item.association.name : item.action.name;
}

function bySpecificity(a: OperationSource, b: OperationSource): number {
  return (
    KIND_RANK[a.item.kind] - KIND_RANK[b.item.kind] ||
    compareText(a.spec.app, b.spec.app) ||
    compareText(a.resource.type, b.resource.type) ||
    compareText(nameOf(a.item), nameOf(b.item))
  );
}

/**
 * OpenAPI forbids two templates of one shape (`/a/{x}/b` beside `/a/{y}/b`)
 * and a parameter named twice in one template. Each shape takes its first
 * template in code-unit order, and a repeated name is numbered (`{id}`,
 * `{id_2}`), each with a warning.
 */
function canonicalPaths(sources: readonly OperationSource[], diagnostics: Diagnostic[]): (source: OperationSource) => string {
  const firstSource = new Map<string, OperationSource>();
  const templatesByShape = new Map<string, string[]>();
  for (const source of sources) {
    const template = pathOfItem(source.item);
    if (firstSource.has(template)) continue;
    firstSource.set(template, source);
    templatesByShape.set(shapeOf(template), [...(templatesByShape.get(shapeOf(template)) ?? []), template]);
  }
  const written = new Map<string, string>();
  for (const [template, source] of firstSource) {
    const canonical = [...templatesByShape.get(shapeOf(template))!].sort(compareText)[0]!;
    const distinct = distinctParameterNames(canonical);
    if (canonical !== template) {
      diagnostics.push(
        warning(
          source,
          "OPENAPI_PATH_PARAMETER_NAMES",
          `${template} names its parameters unlike ${canonical}, the same URL; written as ${distinct}`,
        ),
      );
    } else if (distinct !== canonical) {
      diagnostics.push(warning(source, "OPENAPI_REPEATED_PATH_PARAMETER", `${canonical} names a parameter twice; written as ${distinct}`));
    }
    written.set(template, distinct);
  }
  return (source) => written.get(pathOfItem(source.item))!;
}

const shapeOf = (template: string): string => template.replace(/\{[^{}]*\}/g, "{}");

function distinctParameterNames(template: string): string {
  const seen = new Map<string, number>();
  return template.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? `{${name}}` : `{${name}_${count}}`;
  });
}

/**
 * Two endpoints, or two actions, at one URL are a fault of the docs (an
 * endpoint beside an association is not: associations often name another
 * resource's collection). They are rendered as one operation.
 */
function sharedUrlWarnings(operation: PlannedOperation): Diagnostic[] {
  return (["endpoint", "action"] as const).flatMap((kind) => {
    const same = operation.sources.filter((s) => s.item.kind === kind);
    if (same.length < 2) return [];
    const names = same.map((s) => `${s.resource.type} ${nameOf(s.item)}`).join(", ");
    return [
      warning(
        same[1]!,
        "OPENAPI_SHARED_URL",
        `${same.length} ${kind}s share ${operation.method} ${operation.path} (${names}); they are written as one operation`,
      ),
    ];
  });
}

function warning(source: OperationSource, code: string, message: string): Diagnostic {
  return diagnostic("warning", code, message, { file: specFileName(source.spec), pointer: source.pointer });
}

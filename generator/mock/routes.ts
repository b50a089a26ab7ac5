/**
 * The route table of one spec: every endpoint (list, get, create, update,
 * delete), every association (a to-many one lists its target and gets one of
 * them by id, a to-one one returns its record) and every action (POST). Where
 * two routes have the same method and shape, the first wins: endpoints before
 * associations, and among endpoints those of the resource whose collection the
 * path is (the docs give Services' `Live` a create at `.../plans`, which is
 * Plan's), then the spec's order. A static segment beats a parameter.
 */
import { compareText } from "../util/order.js";
import { leadsToMany } from "../dataset/related.js";
import type { Action, Association, HttpMethod, Resource, Spec } from "../spec/types.js";

export type Handler =
  | { kind: "list"; resource: Resource; filters: string[] }
  | { kind: "get" | "update" | "delete" | "create"; resource: Resource }
  | { kind: "related"; owner: Resource; association: Association; resource: Resource }
  | { kind: "action"; owner: Resource; action: Action };

export interface Route {
  method: HttpMethod;
  template: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  /** Static segments, with undefined for each parameter. */
  segments: (string | undefined)[];
}

export type Match = { route: Route; values: string[] } | { allowed: HttpMethod[] } | undefined;

export class RouteTable {
  private readonly routes: CompiledRoute[];

  constructor(spec: Spec) {
    const seen = new Set<string>();
    this.routes = routesOf(spec)
      .map((route) => ({ ...route, segments: route.template.split("/").map((s) => (/^\{[^{}]*\}$/.test(s) ? undefined : s)) }))
      .filter((route) => {
        const key = `${route.method} ${route.segments.map((s) => s ?? "{}").join("/")}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => compareShapes(a.segments, b.segments));
  }

  /** The route for a method and a decoded path split into segments; `allowed` when only the method is wrong. */
  match(method: string, segments: readonly string[]): Match {
    const allowed = new Set<HttpMethod>();
    for (const route of this.routes) {
      if (!fits(route.segments, segments)) continue;
      if (route.method !== method) {
        allowed.add(route.method);
        continue;
      }
      return { route, values: segments.filter((_, i) => route.segments[i] === undefined) };
    }
    return allowed.size > 0 ? { allowed: [...allowed].sort(compareText) } : undefined;
  }
}

function routesOf(spec: Spec): Route[] {
  const byType = new Map(spec.resources.map((r) => [r.type, r]));
  const endpoints = spec.resources.flatMap((resource) =>
    resource.endpoints.map((endpoint): Route & { home: boolean } => {
      const handler: Handler =
        endpoint.operation === "list"
          ? { kind: "list", resource, filters: (endpoint.filters ?? []).map((f) => f.name) }
          : { kind: endpoint.operation, resource };
      const collection =
        endpoint.operation === "list" || endpoint.operation === "create"
          ? endpoint.path
          : endpoint.path.slice(0, endpoint.path.lastIndexOf("/"));
      const home = resource.endpoints.some((e) => e.operation === "list" && e.path === collection);
      return { method: endpoint.method, template: endpoint.path, handler, home };
    }),
  );
  const associations = spec.resources.flatMap((owner) =>
    owner.associations.flatMap((association): Route[] => {
      const target = byType.get(association.target);
      if (target === undefined) return [];
      if (!leadsToMany(byType, owner, association)) {
        return [{ method: "GET", template: association.path, handler: { kind: "related", owner, association, resource: target } }];
      }
      return [
        {
          method: "GET",
          template: association.path,
          handler: { kind: "list", resource: target, filters: association.filters.map((f) => f.name) },
        },
        { method: "GET", template: `${association.path}/{${target.id}_id}`, handler: { kind: "get", resource: target } },
      ];
    }),
  );
  const actions = spec.resources.flatMap((owner) =>
    owner.actions.map((action): Route => ({ method: "POST", template: action.path, handler: { kind: "action", owner, action } })),
  );
  // Stable: the spec's order within each rank.
  const ranked = [...endpoints.filter((e) => e.home), ...endpoints.filter((e) => !e.home)].map(({ home: _, ...route }) => route);
  return [...ranked, ...associations, ...actions];
}

function fits(pattern: readonly (string | undefined)[], segments: readonly string[]): boolean {
  return pattern.length === segments.length && pattern.every((s, i) => (s === undefined ? segments[i] !== "" : s === segments[i]));
}

/**
 * Routes of one length compete: a static segment first, position by position;
 * otherwise the order they were listed in (sort is stable).
 */
function compareShapes(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const staticA = a[i] !== undefined;
    const staticB = b[i] !== undefined;
    if (staticA !== staticB) return staticA ? -1 : 1;
  }
  return 0;
}

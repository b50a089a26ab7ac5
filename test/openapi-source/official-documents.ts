/**
 * The six official OpenAPI documents of the corpus, and what each holds,
 * recounted by plain JSON walking, without the reader under test.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOCS_DIR } from "../helpers/corpus.js";

export const OFFICIAL = [
  { app: "api", version: "2025-09-30" },
  { app: "calendar", version: "2022-07-07" },
  { app: "check-ins", version: "2025-05-28" },
  { app: "current", version: "2018-08-01" },
  { app: "groups", version: "2023-07-10" },
  { app: "webhooks", version: "2022-10-20" },
] as const;

export const OFFICIAL_FOLDER = ["openapi", "official-2026-07"] as const;

export const officialFile = (app: string, version: string): string =>
  path.join(DOCS_DIR, ...OFFICIAL_FOLDER, app, "v2", "open_api", `${version}.json`);

type Json = Record<string, any>;

export interface Recount {
  resources: number;
  /** `GET` → how many operations. */
  operations: Record<string, number>;
  /** `POST /groups/v2/groups/{group_id}/enable_chat`, with the server's path prefix. */
  operationKeys: string[];
  where: string[];
  order: string[];
  include: string[];
  filter: string[];
}

export function recount(app: string, version: string): Recount {
  const doc = JSON.parse(readFileSync(officialFile(app, version), "utf8")) as Json;
  const prefix = new URL(doc.servers[0].url as string).pathname;
  const parameter = (p: Json): Json => (typeof p.$ref === "string" ? doc.components.parameters[(p.$ref as string).split("/").pop()!] : p);
  const resources = Object.entries(doc.components.schemas as Json).filter(
    ([name, s]) => name.endsWith("_resource") && Array.isArray(s?.properties?.type?.enum),
  ).length;
  const operations: Record<string, number> = {};
  const operationKeys: string[] = [];
  const names = { where: new Set<string>(), order: new Set<string>(), include: new Set<string>(), filter: new Set<string>() };
  for (const [p, item] of Object.entries(doc.paths as Json)) {
    for (const method of ["get", "post", "patch", "delete"]) {
      const op = (item as Json)[method] as Json | undefined;
      if (op === undefined) continue;
      operations[method.toUpperCase()] = (operations[method.toUpperCase()] ?? 0) + 1;
      operationKeys.push(`${method.toUpperCase()} ${prefix}${p}`);
      for (const raw of (op.parameters ?? []) as Json[]) {
        const param = parameter(raw);
        const name = param.name as string;
        const values = (param.schema?.items?.enum ?? param.schema?.enum ?? []) as string[];
        if (name.startsWith("where[")) names.where.add(name);
        else if (name === "order") values.forEach((v) => names.order.add(v.replace(/^-/, "")));
        else if (name === "include") values.forEach((v) => names.include.add(v));
        else if (name === "filter") values.forEach((v) => names.filter.add(v));
      }
    }
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    resources,
    operations,
    operationKeys: operationKeys.sort(),
    where: sorted(names.where),
    order: sorted(names.order),
    include: sorted(names.include),
    filter: sorted(names.filter),
  };
}

/** The same counts, taken from a spec. Paths are compared by shape: the spec names path parameters its own way. */
export function countSpec(spec: import("../../generator/spec/types.js").Spec): Recount {
  const operations: Record<string, number> = {};
  const operationKeys: string[] = [];
  const where = new Set<string>();
  const order = new Set<string>();
  const include = new Set<string>();
  const filter = new Set<string>();
  for (const r of spec.resources) {
    for (const e of r.endpoints) {
      operations[e.method] = (operations[e.method] ?? 0) + 1;
      operationKeys.push(`${e.method} ${e.path}`);
      for (const f of e.filters ?? []) filter.add(f.name);
    }
    for (const a of r.actions) {
      operations["POST"] = (operations["POST"] ?? 0) + 1;
      operationKeys.push(`POST ${a.path}`);
    }
    for (const w of [...r.query.where, ...(r.query.relationalWhere ?? [])]) {
      const bracketed = `where${w.name
        .split(".")
        .map((part) => `[${part}]`)
        .join("")}`;
      where.add(bracketed);
      for (const op of w.operators ?? []) where.add(`${bracketed}[${op}]`);
    }
    r.query.order.forEach((o) => order.add(o));
    [...r.query.include, ...(r.query.nestedInclude ?? [])].forEach((i) => include.add(i));
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    resources: spec.resources.length,
    operations,
    operationKeys: operationKeys.sort(),
    where: sorted(where),
    order: sorted(order),
    include: sorted(include),
    filter: sorted(filter),
  };
}

/** `GET /groups/v2/groups/{group_id}` → `GET /groups/v2/groups/*`. */
export const shapeOf = (key: string): string => key.replace(/\{[^}]*\}/g, "*");

/**
 * The names a portal capture documents, read straight from its vertex JSON
 * (not through the generator's reader), so that expected changes come from
 * the documents themselves.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOCS_DIR } from "../helpers/corpus.js";

export interface RawVertex {
  type: string;
  attributes: Set<string>;
  where: Set<string>;
  order: Set<string>;
  include: Set<string>;
  actions: Map<string, string>;
  /** Association name → its path and filters. */
  edges: Map<string, { path: string; filters: Set<string> }>;
}

interface Named {
  attributes: { name: string; path?: string; filters?: string[] };
}

export function rawVertices(capture: string, app: string, version: string): Map<string, RawVertex> {
  const folder = path.join(DOCS_DIR, "portal", capture, app, "v2", "documentation", version, "vertices");
  const vertices = new Map<string, RawVertex>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".json"))) {
    const document = JSON.parse(readFileSync(path.join(folder, file), "utf8")) as {
      data: { attributes: { name: string }; relationships: Record<string, { data: Named[] }> };
    };
    const { attributes, relationships } = document.data;
    const list = (section: string) => (relationships[section]?.data ?? []).filter((item) => item.attributes.name.trim() !== "");
    const names = (section: string) => new Set(list(section).map((item) => item.attributes.name.trim()));
    vertices.set(attributes.name, {
      type: attributes.name,
      attributes: names("attributes"),
      where: names("can_query"),
      order: names("can_order"),
      include: names("can_include"),
      actions: new Map(list("actions").map((a) => [a.attributes.name, a.attributes.path!])),
      edges: new Map(
        list("outbound_edges").map((e) => [e.attributes.name, { path: e.attributes.path!, filters: new Set(e.attributes.filters ?? []) }]),
      ),
    });
  }
  return vertices;
}

/** `/giving/v2/batches/1/x` and `/giving/v2/batches/{batch_id}/x` are the same URL. */
export function urlShape(url: string): string {
  // URL percent-encodes the braces of `{batch_id}`.
  return decodeURI(new URL(url).pathname)
    .replace(/\/$/, "")
    .split("/")
    .map((segment) => (/^\d+$/.test(segment) || /^\{.*\}$/.test(segment) ? "*" : segment))
    .join("/");
}

/** `<Type> <subject> added|removed <name>` for every name one side has and the other lacks. */
export function expectedNameChanges(before: Map<string, RawVertex>, after: Map<string, RawVertex>): string[] {
  const out: string[] = [];
  const setDiff = (type: string, subject: string, b: Set<string>, a: Set<string>) => {
    for (const name of a) if (!b.has(name)) out.push(`${type} ${subject} added ${name}`);
    for (const name of b) if (!a.has(name)) out.push(`${type} ${subject} removed ${name}`);
  };
  setDiff("-", "resource", new Set(before.keys()), new Set(after.keys()));
  for (const [type, a] of after) {
    const b = before.get(type);
    if (b === undefined) continue;
    setDiff(type, "attribute", b.attributes, a.attributes);
    setDiff(type, "where", b.where, a.where);
    setDiff(type, "order", b.order, a.order);
    setDiff(type, "include", b.include, a.include);
    setDiff(type, "action", new Set(b.actions.keys()), new Set(a.actions.keys()));
    setDiff(type, "association", new Set(b.edges.keys()), new Set(a.edges.keys()));
    for (const [name, edge] of a.edges) {
      const old = b.edges.get(name);
      if (old !== undefined) setDiff(type, `filter in association ${name}`, old.filters, edge.filters);
    }
  }
  return out.sort();
}

/**
 * What a Slate markdown snapshot documents, read straight from its
 * `includes/_<app>.md` files (not through the generator's reader): per `##`
 * resource section, named by the JSON:API type of its first example, the
 * attributes (example objects and "Resource Attributes" tables), the
 * `where[...]` and `order` URL parameters, and the HTTP requests.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOCS_DIR } from "../helpers/corpus.js";

export interface RawSlateResource {
  attributes: Set<string>;
  where: Set<string>;
  order: Set<string>;
  /** `GET /people/v2/people/*`: method and path with ids as `*`. */
  endpoints: Set<string>;
}

/** App (include file name) → type → what its section documents. */
export function rawSlate(snapshot: string): Map<string, Map<string, RawSlateResource>> {
  const folder = path.join(DOCS_DIR, "slate", snapshot, "source", "includes");
  const apps = new Map<string, Map<string, RawSlateResource>>();
  for (const file of readdirSync(folder)
    .filter((f) => /^_.+\.md$/.test(f) && f !== "_errors.md")
    .sort()) {
    const resources = new Map<string, RawSlateResource>();
    for (const section of readFileSync(path.join(folder, file), "utf8")
      .split(/\n(?=## )/)
      .slice(1)) {
      const examples = jsonBlocks(section).flatMap((d) => dataItems(d));
      const type = examples[0]?.type;
      if (type === undefined) continue;
      const resource = resources.get(type) ?? { attributes: new Set(), where: new Set(), order: new Set(), endpoints: new Set() };
      resources.set(type, resource);
      for (const item of examples.filter((e) => e.type === type))
        for (const name of Object.keys(item.attributes ?? {})) resource.attributes.add(name);
      for (const table of section.matchAll(/#### Resource Attributes\n+Attribute \|[^\n]*\n[-| ]+\n((?:[^\n]+\n)*)/g)) {
        for (const row of table[1]!.split("\n").filter(Boolean)) resource.attributes.add(row.split("|")[0]!.trim());
      }
      for (const m of section.matchAll(/^where\[([^\]\n]+)\] \|/gm)) resource.where.add(m[1]!);
      for (const m of section.matchAll(/^order \| ([^ |\n]+) \|/gm)) resource.order.add(m[1]!);
      for (const m of section.matchAll(
        /#### HTTP Request\n+`(GET|POST|PATCH|DELETE) https:\/\/api\.planningcenteronline\.com([^`\n]*)`/g,
      )) {
        resource.endpoints.add(`${m[1]} ${idsAsStars(m[2]!)}`);
      }
    }
    apps.set(file.slice(1, -3), resources);
  }
  return apps;
}

export function idsAsStars(urlPath: string): string {
  return urlPath
    .replace(/\/$/, "")
    .split("/")
    .map((s) => (/^\d+$/.test(s) || /^\{[^{}]*\}$/.test(s) ? "*" : s))
    .join("/");
}

interface DataItem {
  type?: string;
  attributes?: Record<string, unknown>;
}

function jsonBlocks(section: string): unknown[] {
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((m) => {
    try {
      return [JSON.parse(m[1]!) as unknown];
    } catch {
      return []; // the docs' examples with "..." placeholders are not JSON
    }
  });
}

function dataItems(document: unknown): DataItem[] {
  const data = (document as { data?: unknown } | null)?.data;
  const items = Array.isArray(data) ? data : [data];
  return items.filter((i): i is DataItem => typeof i === "object" && i !== null && typeof (i as DataItem).type === "string");
}

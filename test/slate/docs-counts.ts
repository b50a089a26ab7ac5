/**
 * Counts taken straight from the Slate docs' own text, line by line, without
 * the readers: what the specs must hold.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Spec } from "../../generator/spec/types.js";

export interface Counts {
  /** Resources (`##` sections) per app: its URL segment, under the name the API uses today. */
  resources: Record<string, number>;
  /** "HTTP Request" blocks that give a URL, per method. */
  requests: Record<string, number>;
  /** Unique names per resource in the "List" URL Parameters tables, summed. */
  where?: number;
  order?: number;
  include?: number;
  filter?: number;
}

const REQUEST_LINE = /^`(GET|POST|PATCH|DELETE) https?:\/\/\S+`$/;
const PARAMETER_ROW = /^(where\[[^\]]+\]|order|include|filter) \| (\S+)/;

/** Counts of a markdown snapshot's includes (`source/includes/_*.md`). */
export function markdownCounts(sourceFolder: string): Counts {
  const counts: Counts = { resources: {}, requests: {}, where: 0, order: 0, include: 0, filter: 0 };
  const folder = path.join(sourceFolder, "includes");
  for (const name of readdirSync(folder).filter((f) => f.endsWith(".md"))) {
    const lines = readFileSync(path.join(folder, name), "utf8").split("\n");
    const app = appOf(lines.join("\n"));
    let operation = "";
    let part = "";
    let names = new Map<string, Set<string>>();
    const flush = () => {
      for (const [kind, set] of names) counts[kind as "where"]! += set.size;
      names = new Map();
    };
    lines.forEach((line, i) => {
      if (line.startsWith("## ")) {
        flush();
        counts.resources[app!] = (counts.resources[app!] ?? 0) + 1;
      } else if (line.startsWith("### ")) {
        operation = line;
      } else if (line.startsWith("#### ")) {
        part = line;
        if (line === "#### HTTP Request") {
          const request = lines.slice(i + 1).find((l) => l.trim() !== "") ?? "";
          const method = REQUEST_LINE.exec(request)?.[1];
          if (method) counts.requests[method] = (counts.requests[method] ?? 0) + 1;
        }
      } else if (operation.startsWith("### List ") && part === "#### URL Parameters") {
        const row = PARAMETER_ROW.exec(line);
        if (row) {
          const kind = row[1]!.startsWith("where[") ? "where" : row[1]!;
          const name = kind === "where" ? row[1]!.slice(6, -1) : row[2]!;
          names.set(kind, (names.get(kind) ?? new Set()).add(name));
        }
      }
    });
    flush();
  }
  return counts;
}

/** Counts of a built page: `<h2>` per app `<h1>`, and the "HTTP Request" blocks. */
export function htmlCounts(file: string): Counts {
  const html = readFileSync(file, "utf8");
  const counts: Counts = { resources: {}, requests: {} };
  const apps = html.split(/<h1 /).slice(1);
  for (const section of apps) {
    const app = appOf(section);
    const resources = section.match(/<h2 /g)?.length ?? 0;
    if (app !== undefined && resources > 0 && /<h3 [^>]*>(List|Get a single) /.test(section)) {
      counts.resources[app] = (counts.resources[app] ?? 0) + resources;
    }
  }
  for (const match of html.matchAll(
    /<h4 [^>]*>HTTP Request<\/h4>\s*<p><code[^>]*>(GET|POST|PATCH|DELETE) https?:\/\/[^<]+<\/code><\/p>/g,
  )) {
    counts.requests[match[1]!] = (counts.requests[match[1]!] ?? 0) + 1;
  }
  return counts;
}

/** The site's URL segment `check_ins` is the app the API now names `check-ins`. */
const TODAYS_NAME: Readonly<Record<string, string>> = { check_ins: "check-ins" };

/** The app of a part of the docs: the first path segment of its first API URL. */
function appOf(text: string): string | undefined {
  const segment = /https:\/\/api\.planningcenteronline\.com\/([a-z_]+)\/v2/.exec(text)?.[1];
  return segment === undefined ? undefined : (TODAYS_NAME[segment] ?? segment);
}

/** The same counts, from specs. */
export function specCounts(specs: readonly Spec[]): Required<Counts> {
  const counts: Required<Counts> = { resources: {}, requests: {}, where: 0, order: 0, include: 0, filter: 0 };
  for (const spec of specs) {
    counts.resources[spec.app] = spec.resources.length;
    for (const resource of spec.resources) {
      for (const endpoint of resource.endpoints) counts.requests[endpoint.method] = (counts.requests[endpoint.method] ?? 0) + 1;
      counts.where += resource.query.where.length;
      counts.order += resource.query.order.length;
      counts.include += resource.query.include.length;
      counts.filter += resource.endpoints.filter((e) => e.operation === "list").reduce((n, e) => n + (e.filters?.length ?? 0), 0);
    }
  }
  return counts;
}

/**
 * Path templating. The docs write the same URL two ways: with sample ids
 * (`/people/v2/people/1/addresses`, the 2022 portal and Slate) and with named
 * parameters (`/people/v2/people/{person_id}/addresses`, the 2025 portal).
 * Both become one template, named from the resource that lives at each
 * collection, so that a change of writing style is never a change of API.
 */
import pluralize from "pluralize";
import { memoized } from "../util/memo.js";
import { compareText } from "../util/order.js";

/** A path template as the spec holds one (`PathTemplate` in types.ts): segments that are neither empty, `.` nor `..`, no query, fragment or blank. */
export const PATH_TEMPLATE = /^(?:\/(?!\.\.?(?:\/|$))[^/?#\s]+)+$/;

/** Strips scheme, host, query and trailing slash: `https://host/a/b/?x` → `/a/b`. */
export function relativePath(pathOrUrl: string): string {
  let path = pathOrUrl.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  path = path.replace(/[?#].*$/s, "");
  if (!path.startsWith("/")) path = `/${path}`;
  path = path.replace(/\/{2,}/g, "/");
  return path.length > 1 ? path.replace(/\/$/, "") : path;
}

/** A sample id (`1`, `123`) or a named parameter (`{person_id}`). */
export function isIdSegment(segment: string): boolean {
  return /^\d+$/.test(segment) || /^\{[^{}]*\}$/.test(segment);
}

/** The path with every id replaced by `*`: the key under which collections are indexed. */
export const pathShape: (path: string) => string = memoized((path) =>
  relativePath(path)
    .split("/")
    .map((segment) => (isIdSegment(segment) ? "*" : segment))
    .join("/"),
);

/**
 * Which resource lives at each collection shape, e.g. `/people/v2/people` →
 * `person`, `/people/v2/people/* /addresses` → `address`.
 *
 * Where the docs put two resources at one shape, the stronger evidence wins
 * (a lower `rank`: a resource's own path outranks a create endpoint that the
 * docs filed under the wrong collection), then code-unit order, so that the
 * result never depends on reading order.
 */
export type CollectionIndex = ReadonlyMap<string, string>;

export interface CollectionEntry {
  path: string;
  resourceId: string;
  /** 0 is the strongest evidence; entries without a rank count as 0. */
  rank?: number;
}

export function buildCollectionIndex(entries: Iterable<CollectionEntry>): CollectionIndex {
  const best = new Map<string, { resourceId: string; rank: number }>();
  for (const { path, resourceId, rank = 0 } of entries) {
    const shape = pathShape(path);
    const current = best.get(shape);
    if (current === undefined || rank < current.rank || (rank === current.rank && compareText(resourceId, current.resourceId) < 0)) {
      best.set(shape, { resourceId, rank });
    }
  }
  return new Map([...best].map(([shape, { resourceId }]) => [shape, resourceId]));
}

/**
 * `/people/v2/people/1/addresses` → `/people/v2/people/{person_id}/addresses`.
 * Each id takes its name from the resource indexed at the collection before it;
 * failing that, from the name the docs gave; failing that, from the singular of
 * the collection segment.
 */
export function templatePath(pathOrUrl: string, index: CollectionIndex): string {
  const segments = relativePath(pathOrUrl).split("/");
  return segments
    .map((segment, i) => {
      if (!isIdSegment(segment) || i === 0) return segment;
      const resourceId = index.get(pathShape(segments.slice(0, i).join("/")));
      if (resourceId !== undefined) return `{${resourceId}_id}`;
      if (segment.startsWith("{")) return segment;
      return `{${snakeSingular(segments[i - 1] ?? "resource")}_id}`;
    })
    .join("/");
}

function snakeSingular(collection: string): string {
  return pluralize.singular(collection).replace(/[^A-Za-z0-9]+/g, "_").toLowerCase();
}

const parametersOf = memoized((template) => [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!));

/** The parameter names in a template, in order: `{person_id}` → `person_id`. */
export function pathParameters(template: string): string[] {
  return [...parametersOf(template)];
}

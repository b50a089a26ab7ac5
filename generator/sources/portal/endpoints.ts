/**
 * The endpoints of a resource, derived from its vertex: list and get at its own
 * path, create where the permissions allow it (through the edges the permissions
 * name, which is where the API accepts the POST), update and delete at the
 * record's path. The app's root (`/people/v2`) holds only the entry vertex, read
 * with a single GET; other vertices documented there are not addressable.
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import type { EndpointDraft, Located } from "../../spec/draft.js";
import { pathShape, relativePath } from "../../spec/paths.js";
import type { Filter } from "../../spec/types.js";
import type { EdgeRecord, VertexRead } from "./vertex.js";

export interface EndpointContext {
  edgesById: ReadonlyMap<string, EdgeRecord>;
  /** Filters of the edges that reach each collection shape. */
  filtersByShape: ReadonlyMap<string, Located<Filter>[]>;
  appRoot: string;
  entry: string | undefined;
}

export function endpointContext(reads: readonly VertexRead[], appRoot: string, entry: string | undefined): EndpointContext {
  const edgesById = new Map<string, EdgeRecord>();
  const filtersByShape = new Map<string, Located<Filter>[]>();
  for (const edge of reads.flatMap((r) => r.edges)) {
    if (!edgesById.has(edge.id)) edgesById.set(edge.id, edge);
    const shape = pathShape(edge.path);
    filtersByShape.set(shape, [...(filtersByShape.get(shape) ?? []), ...edge.filters]);
  }
  return { edgesById, filtersByShape, appRoot, entry };
}

export function deriveEndpoints(read: VertexRead, context: EndpointContext): { value: EndpointDraft[]; diagnostics: Diagnostic[] } {
  const { resource } = read;
  if (resource.path === undefined) return { value: [], diagnostics: [] };
  const path = relativePath(resource.path);
  if (path === context.appRoot) {
    return { value: resource.id === context.entry ? [{ operation: "get", method: "GET", path }] : [], diagnostics: [] };
  }
  const diagnostics: Diagnostic[] = [];
  const item = `${path}/{${resource.id}_id}`;
  const filters = context.filtersByShape.get(pathShape(path)) ?? [];
  const endpoints: EndpointDraft[] = [{ operation: "list", method: "GET", path, ...(filters.length > 0 ? { filters } : {}) }];
  if (!resource.collectionOnly) endpoints.push({ operation: "get", method: "GET", path: item });
  if (resource.permissions.create) {
    for (const create of createPaths(read, context, path, diagnostics)) {
      endpoints.push({ operation: "create", method: "POST", ...create });
    }
  }
  if (resource.permissions.update) endpoints.push({ operation: "update", method: "PATCH", path: item });
  if (resource.permissions.destroy) endpoints.push({ operation: "delete", method: "DELETE", path: item });
  return { value: endpoints, diagnostics };
}

/** Where a record is created, each with the permission that says so (the resource's own path when none names an edge). */
function createPaths(
  read: VertexRead,
  context: EndpointContext,
  ownPath: string,
  diagnostics: Diagnostic[],
): { path: string; origin?: Origin }[] {
  if (read.createEdges.length === 0) return [{ path: ownPath }];
  const paths = read.createEdges.flatMap(({ id, origin }) => {
    const edge = context.edgesById.get(id);
    if (edge !== undefined) return [{ path: relativePath(edge.path), origin }];
    diagnostics.push(
      diagnostic(
        "warning",
        "PORTAL_UNKNOWN_EDGE",
        `${read.resource.type} can be created through the edge "${id}", which no vertex documents; its own path was used`,
        origin,
      ),
    );
    return [{ path: ownPath, origin }];
  });
  return paths.filter((p, i) => paths.findIndex((q) => q.path === p.path) === i);
}

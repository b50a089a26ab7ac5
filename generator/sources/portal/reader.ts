/**
 * The developer-portal reader: for each app, the Graph, then every vertex of
 * each chosen version, assembled into one SpecDraft per app-version. Works the
 * same over a mirror folder and over HTTP; only the store differs.
 *
 * Where a folder has no Graph, or its Graph does not list a version or vertex
 * that is on disk, versions and vertices are discovered from the folders.
 */
import pLimit from "p-limit";
import { DOCUMENTED_API_HOST, isAllowedApiOrigin } from "../../api-host.js";
import { diagnostic, GeneratorError, hasErrors, type Diagnostic } from "../../diagnostics.js";
import { assertPathNames, isPathName, pathNameProblem } from "../../path-name.js";
import { compareText, sortedStrings } from "../../util/order.js";
import type { ResourceDraft, SpecDraft } from "../../spec/draft.js";
import type { PartialNote } from "../../spec/types.js";
import { parsePortalDocument, type PortalDocument } from "./document.js";
import { deriveEndpoints, endpointContext } from "./endpoints.js";
import { readGraph, type GraphInfo, type GraphVersion } from "./graph.js";
import type { DraftRead, ReadContext, SourceRead } from "../reader-result.js";
import { graphPath, vertexPath, type PortalStore } from "./store.js";
import { chooseVersions, type VersionChoice } from "./versions.js";
import { pascalCase } from "../../util/case.js";
import { readVertex, type VertexRead } from "./vertex.js";
import { appendAll } from "../../util/append.js";

export const DEFAULT_BASE_URL = "https://api.planningcenteronline.com";

/**
 * PCO's apps, for stores that cannot list them (HTTP). `api` (OAuth and
 * personal access tokens) and `current` (`/me`) are documented by the official
 * OpenAPI documents only; asked for by this list rather than by the user, an
 * app without documentation-API docs is skipped with a note, not an error.
 */
export const KNOWN_APPS = [
  "api",
  "calendar",
  "check-ins",
  "giving",
  "current",
  "groups",
  "people",
  "publishing",
  "registrations",
  "services",
  "webhooks",
] as const;

export interface PortalReadOptions {
  apps?: readonly string[];
  versions: VersionChoice;
  concurrency?: number;
  /** Hosts besides the documented API host that vertex paths may name (`--api-host`). */
  apiHosts?: readonly string[];
}

export async function readPortal(store: PortalStore, options: PortalReadOptions, context: ReadContext = {}): Promise<SourceRead> {
  assertPathNames("--app", "app", options.apps ?? []);
  const listed = await store.listApps();
  const apps = options.apps?.length ? [...options.apps] : [...(listed ?? KNOWN_APPS)];
  if (listed !== undefined && listed.length === 0) {
    throw new GeneratorError(`no documentation found in ${store.location} (expected {app}/v2/documentation...)`, { exitCode: 2 });
  }
  const progress = progressCounter(context);
  const limit = pLimit(options.concurrency ?? 8);
  const results = await Promise.all(
    sortedStrings(apps).map((app) =>
      readApp(store, app, options, { limit, progress, listedApps: listed, apiHosts: options.apiHosts ?? [] }),
    ),
  );
  return {
    drafts: results.flatMap((r) => r.drafts),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}

interface AppContext {
  limit: ReturnType<typeof pLimit>;
  progress: ReturnType<typeof progressCounter>;
  listedApps: string[] | undefined;
  apiHosts: readonly string[];
}

async function readApp(store: PortalStore, app: string, options: PortalReadOptions, ctx: AppContext): Promise<SourceRead> {
  const diagnostics: Diagnostic[] = [];
  if (ctx.listedApps !== undefined && !ctx.listedApps.includes(app)) {
    return {
      drafts: [],
      diagnostics: [diagnostic("error", "PORTAL_UNKNOWN_APP", `no documentation for the app "${app}"`, { file: store.location })],
    };
  }
  ctx.progress.add(1);
  const rawGraph = await ctx.limit(() => store.read(graphPath(app)));
  ctx.progress.done(`${app} graph`);
  const graphFile = rawGraph?.location ?? `${store.location}/${graphPath(app)}`;
  let graph: GraphInfo | undefined;
  if (rawGraph !== undefined) {
    const parsed = parsePortalDocument(rawGraph, "Graph");
    appendAll(diagnostics, parsed.diagnostics);
    if (parsed.ok) {
      const read = readGraph(parsed.document);
      appendAll(diagnostics, read.diagnostics);
      graph = read.value;
    }
  } else if (ctx.listedApps === undefined) {
    const asked = options.apps?.includes(app) === true;
    return {
      drafts: [],
      diagnostics: [
        diagnostic(asked ? "error" : "info", "PORTAL_UNKNOWN_APP", `no documentation for the app "${app}"`, { file: graphFile }),
      ],
    };
  }

  const onDisk = await store.listVersions(app);
  const available = await availableVersions(store, app, graph, onDisk, ctx.listedApps !== undefined);
  const { chosen, unavailable } = chooseVersions(available, options.versions);
  for (const id of unavailable) {
    diagnostics.push(diagnostic("error", "PORTAL_UNKNOWN_VERSION", `${app} has no version ${id} here`, { file: graphFile }));
  }
  if (options.versions.kind === "all") {
    for (const listedVersion of graph?.versions ?? []) {
      if (!available.some((v) => v.id === listedVersion.id)) {
        diagnostics.push(
          diagnostic(
            "warning",
            "PORTAL_VERSION_NOT_CAPTURED",
            `${app} ${listedVersion.id} is listed in the Graph but its vertices are not here; skipped`,
            { file: graphFile },
          ),
        );
      }
    }
  }
  const drafts = await Promise.all(chosen.map((version) => readAppVersion(store, app, version, graph, ctx)));
  return { drafts, diagnostics };
}

async function availableVersions(
  store: PortalStore,
  app: string,
  graph: GraphInfo | undefined,
  onDisk: readonly string[],
  isFolder: boolean,
): Promise<{ id: string; beta: boolean }[]> {
  const beta = new Map((graph?.versions ?? []).map((v) => [v.id, v.beta]));
  if (!isFolder) return [...beta].map(([id, isBeta]) => ({ id, beta: isBeta }));
  const withVertices = await Promise.all(onDisk.map(async (id) => ((await store.listVertices(app, id)).length > 0 ? id : undefined)));
  return withVertices.filter((id): id is string => id !== undefined).map((id) => ({ id, beta: beta.get(id) ?? false }));
}

async function readAppVersion(
  store: PortalStore,
  app: string,
  version: string,
  graph: GraphInfo | undefined,
  ctx: AppContext,
): Promise<DraftRead> {
  const diagnostics: Diagnostic[] = [];
  const partial: PartialNote[] = [];
  const listedVersion = graph?.versions.find((v) => v.id === version);
  appendAll(diagnostics, listedVersion?.refused ?? []);
  const vertexIds = await vertexIdsOf(store, app, version, listedVersion, diagnostics);
  ctx.progress.add(vertexIds.length);

  const reads = await Promise.all(
    vertexIds.map((vertexId) =>
      ctx.limit(async () => {
        const raw = await store.read(vertexPath(app, version, vertexId));
        ctx.progress.done(`${app} ${version} ${vertexId}`);
        const file = raw?.location ?? `${store.location}/${vertexPath(app, version, vertexId)}`;
        if (raw === undefined) {
          diagnostics.push(
            diagnostic("error", "PORTAL_MISSING_VERTEX", `the vertex ${vertexId} is listed in the Graph but has no document`, { file }),
          );
          partial.push({ resource: vertexId, file, missing: ["vertex"], reason: "no document" });
          return undefined;
        }
        const parsed = parsePortalDocument(raw, "Vertex");
        appendAll(diagnostics, parsed.diagnostics);
        if (!parsed.ok) {
          partial.push({ resource: vertexId, file, missing: ["vertex"], reason: parsed.reason });
          return undefined;
        }
        const read = readVertex(parsed.document, vertexId);
        appendAll(diagnostics, read.diagnostics);
        const foreign = foreignHost(read.value, parsed.document, ctx.apiHosts);
        if (foreign !== undefined) diagnostics.push(foreign);
        if (read.value.missing.length > 0) {
          partial.push({
            resource: read.value.resource.id,
            file,
            missing: read.value.missing,
            reason: "sections missing from the vertex document",
          });
        }
        return read.value;
      }),
    ),
  );
  const vertices = reads.filter((r): r is VertexRead => r !== undefined);
  const draft = assemble(app, version, graph, listedVersion, vertices, store.location, diagnostics, ctx.apiHosts);
  if (hasErrors(diagnostics)) draft.partial = partial;
  return { draft, diagnostics };
}

async function vertexIdsOf(
  store: PortalStore,
  app: string,
  version: string,
  listedVersion: GraphVersion | undefined,
  diagnostics: Diagnostic[],
): Promise<string[]> {
  const listed = (listedVersion?.vertices ?? []).map((v) => v.id);
  const onDisk: string[] = [];
  for (const id of await store.listVertices(app, version)) {
    if (isPathName(id)) onDisk.push(id);
    else {
      const file = `${store.location}/${vertexPath(app, version, id)}.json`;
      diagnostics.push(
        diagnostic("error", "PORTAL_UNSAFE_NAME", `the file of the vertex ${pathNameProblem("vertex", id)}; it was not read`, { file }),
      );
    }
  }
  if (listedVersion !== undefined) {
    for (const id of onDisk.filter((id) => !listed.includes(id))) {
      diagnostics.push(
        diagnostic(
          "warning",
          "PORTAL_VERTEX_NOT_LISTED",
          `the vertex ${id} is not listed in the Graph of ${app} ${version}; read it anyway`,
          {
            file: `${store.location}/${vertexPath(app, version, id)}.json`,
          },
        ),
      );
    }
  }
  return sortedStrings(new Set([...listed, ...onDisk]));
}

function assemble(
  app: string,
  version: string,
  graph: GraphInfo | undefined,
  listedVersion: GraphVersion | undefined,
  vertices: readonly VertexRead[],
  location: string,
  diagnostics: Diagnostic[],
  apiHosts: readonly string[],
): SpecDraft {
  const typeOfVertex = new Map<string, string>([
    ...(listedVersion?.vertices ?? []).flatMap((v) => (v.name === undefined ? [] : [[v.id, v.name] as const])),
    ...vertices.map((v) => [v.resource.id, v.resource.type] as const),
  ]);
  const entry = listedVersion?.entry ?? (typeOfVertex.has("organization") ? "organization" : undefined);
  const context = endpointContext(vertices, `/${app}/v2`, entry);
  const resources: ResourceDraft[] = vertices.map((read) => {
    const endpoints = deriveEndpoints(read, context);
    appendAll(diagnostics, endpoints.diagnostics);
    return {
      ...read.resource,
      associations: read.associations.map(({ targetVertex, target, ...rest }) => ({
        ...rest,
        target: target ?? typeOfVertex.get(targetVertex ?? "") ?? pascalCase(targetVertex ?? ""),
      })),
      endpoints: endpoints.value,
    };
  });
  return {
    app,
    version,
    title: graph?.title ?? `Planning Center ${titleCase(app)}`,
    ...(graph?.description === undefined ? {} : { description: graph.description }),
    baseUrl: baseUrlOf(vertices, apiHosts),
    ...(listedVersion === undefined ? {} : { beta: listedVersion.beta }),
    ...(listedVersion?.details === undefined ? {} : { versionDetails: listedVersion.details }),
    source: { format: "portal", location },
    resources,
  };
}

/** The scheme and host of a vertex's `path`, where it names one. */
function originOfPath(path: string | undefined): string | undefined {
  if (path === undefined || !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(path)) return undefined;
  try {
    const url = new URL(path, "https://relative.invalid");
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : path;
  } catch {
    return path;
  }
}

/**
 * A vertex whose `path` names a host other than the API's: the spec's baseUrl
 * would send credentials there, so it is an error unless the user named the host.
 */
function foreignHost(read: VertexRead, doc: PortalDocument, apiHosts: readonly string[]): Diagnostic | undefined {
  const origin = originOfPath(read.resource.path);
  if (origin === undefined || isAllowedApiOrigin(origin, apiHosts)) return undefined;
  return diagnostic(
    "error",
    "PORTAL_FOREIGN_HOST",
    `the path ${JSON.stringify(read.resource.path)} is not on https://${DOCUMENTED_API_HOST}; it is not used as the API's URL (--api-host names another host to allow)`,
    doc.at(doc.data.get("attributes").get("path")),
  );
}

/** The scheme and host the docs' own URLs use, of those allowed to be the API's. */
function baseUrlOf(vertices: readonly VertexRead[], apiHosts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of vertices) {
    const origin = originOfPath(v.resource.path);
    if (origin !== undefined && isAllowedApiOrigin(origin, apiHosts)) counts.set(origin, (counts.get(origin) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b));
  return ranked[0]?.[0] ?? DEFAULT_BASE_URL;
}

function titleCase(app: string): string {
  return app
    .split("-")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("-");
}

function progressCounter(context: ReadContext) {
  let total = 0;
  let done = 0;
  return {
    add(n: number) {
      total += n;
    },
    done(label: string) {
      done += 1;
      context.onProgress?.({ done, total, label });
    },
  };
}

/**
 * The `openapi:` source: PCO's official OpenAPI documents, one per app
 * version, from a file, from a folder in the API's URL layout
 * (`{app}/v2/open_api/{version}.json`), or over HTTP
 * (`{base}/{app}/v2/open_api/{version}`, paced, cached and retried like the
 * documentation API, whose Graph names the versions unless `--versions` does).
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { diagnostic, GeneratorError, type Diagnostic } from "../../diagnostics.js";
import { displayPath } from "../../util/display-path.js";
import { jsonLocator, parseJsonNestedAtMost } from "../../json-text.js";
import { sortedStrings } from "../../util/order.js";
import type { DecodedText } from "../../util/decode-text.js";
import { readCappedDocument, readFailure } from "../../util/read-capped.js";
import { parsePortalDocument } from "../portal/document.js";
import { folderStore } from "../portal/folder-store.js";
import { readGraph } from "../portal/graph.js";
import { httpStore } from "../portal/http-store.js";
import { KNOWN_APPS } from "../portal/reader.js";
import { graphPath, type PortalStore, type RawDocument } from "../portal/store.js";
import { chooseVersions } from "../portal/versions.js";
import type { ReadOptions } from "../read-source.js";
import type { DraftRead, ReadContext, SourceRead } from "../reader-result.js";
import type { SourceOperand } from "../source-operand.js";
import { mapOpenApiDocument } from "./map-document.js";
import { appendAll } from "../../util/append.js";
import { undecodableBytes } from "../undecodable-bytes.js";

/** Larger than any official document (the largest is 2 MB) by far; anything bigger is not one. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/**
 * The deepest nesting a document may have. The official documents are 14 levels deep; the mapper reads values only where
 * it expects them and copies none that nests, so depth harms nothing but the parse, which stays fast up to here.
 */
export const MAX_DOCUMENT_DEPTH = 100_000;

const VERSION_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;
const APP_NAME = /^[a-z][a-z0-9_-]*$/;

export const openApiPath = (app: string, version: string): string => `${app}/v2/open_api/${version}`;

export async function readOpenApi(source: SourceOperand, options: ReadOptions, context: ReadContext = {}): Promise<SourceRead> {
  if (source.isUrl) return readOverHttp(source.location, options, context);
  const location = displayPath(source.location);
  const info = await stat(location).catch((error: NodeJS.ErrnoException) => {
    throw new GeneratorError(`cannot read ${location}: ${error.code ?? String(error)}`, { exitCode: 2, cause: error });
  });
  if (!info.isFile() && !info.isDirectory()) throw new GeneratorError(`cannot read ${location}: not a file or a folder`, { exitCode: 2 });
  if (info.isFile()) {
    const decoded = readDocumentFile(location);
    return {
      drafts: [readDocument({ ...decoded, location: location.split(path.sep).join("/") })].flatMap((d) => d),
      diagnostics: [],
      detected: "an OpenAPI document",
    };
  }
  return readFolder(location, options, context);
}

/** A document named on the command line, refused unread when it is over the cap `readDocument` holds any text to. */
function readDocumentFile(location: string): DecodedText {
  try {
    return readCappedDocument(location, MAX_DOCUMENT_BYTES);
  } catch (error) {
    throw new GeneratorError(`cannot read ${location}: ${readFailure(error)}`, { exitCode: 2, cause: error });
  }
}

async function readFolder(folder: string, options: ReadOptions, context: ReadContext): Promise<SourceRead> {
  const store = folderStore(folder);
  const apps = (await subfolders(folder)).filter((app) => APP_NAME.test(app));
  const diagnostics: Diagnostic[] = [];
  const wanted = options.apps?.length ? options.apps : undefined;
  for (const app of wanted ?? []) {
    if (!apps.includes(app))
      diagnostics.push(diagnostic("error", "OPENAPI_UNKNOWN_APP", `no OpenAPI document for the app "${app}"`, { file: store.location }));
  }
  const jobs: { app: string; version: string }[] = [];
  let documents = 0;
  for (const app of apps.filter((a) => wanted === undefined || wanted.includes(a))) {
    const files = await filesIn(path.join(folder, openApiPath(app, "")));
    const available = files.flatMap((f) => {
      const match = VERSION_FILE.exec(f);
      return match === null ? [] : [{ id: match[1]!, beta: false }];
    });
    documents += available.length;
    const { chosen, unavailable } = chooseVersions(available, options.versions);
    for (const id of unavailable)
      diagnostics.push(
        diagnostic("error", "OPENAPI_UNKNOWN_VERSION", `${app} has no OpenAPI document for ${id} here`, { file: store.location }),
      );
    for (const version of chosen) jobs.push({ app, version });
  }
  // An app's own folder (`…/webhooks`, whose `v2` looks like an app) or any folder of other things holds none in this layout.
  if (apps.length === 0 || (documents === 0 && wanted === undefined))
    throw new GeneratorError(`no OpenAPI documents found in ${store.location} (expected {app}/v2/open_api/{version}.json)`, {
      exitCode: 2,
    });
  const drafts = await readAll(store, jobs, context);
  return {
    drafts: drafts.drafts,
    diagnostics: [...diagnostics, ...drafts.diagnostics],
    detected: `${jobs.length} OpenAPI document(s) in ${store.location}`,
  };
}

async function readOverHttp(baseUrl: string, options: ReadOptions, context: ReadContext): Promise<SourceRead> {
  const store = httpStore(baseUrl, { ...options.http, accept: "application/json" });
  const apps = options.apps?.length ? [...options.apps] : [...KNOWN_APPS];
  const diagnostics: Diagnostic[] = [];
  const jobs: { app: string; version: string }[] = [];
  for (const app of sortedStrings(apps)) {
    if (!APP_NAME.test(app)) {
      diagnostics.push(diagnostic("error", "OPENAPI_UNKNOWN_APP", `"${app}" is not an app name`, { file: store.location }));
      continue;
    }
    if (options.versions.kind === "list") {
      for (const version of options.versions.ids) jobs.push({ app, version });
      continue;
    }
    const versions = await graphVersions(store, app, diagnostics);
    for (const version of chooseVersions(versions, options.versions).chosen) jobs.push({ app, version });
  }
  const read = await readAll(store, jobs, context, options.apps?.length ? "error" : "info");
  return { drafts: read.drafts, diagnostics: [...diagnostics, ...read.diagnostics] };
}

/** The versions an app's documentation Graph lists; none (with a note) where the app has no Graph. */
async function graphVersions(store: PortalStore, app: string, diagnostics: Diagnostic[]): Promise<{ id: string; beta: boolean }[]> {
  const raw = await store.read(graphPath(app));
  if (raw === undefined) {
    diagnostics.push(
      diagnostic("info", "OPENAPI_NO_GRAPH", `${app} has no documentation Graph to list its versions; name them with --versions`, {
        file: `${store.location}/${graphPath(app)}`,
      }),
    );
    return [];
  }
  const parsed = parsePortalDocument(raw, "Graph");
  appendAll(diagnostics, parsed.diagnostics);
  if (!parsed.ok) return [];
  const graph = readGraph(parsed.document);
  appendAll(diagnostics, graph.diagnostics);
  return graph.value.versions.map((v) => ({ id: v.id, beta: v.beta }));
}

async function readAll(
  store: PortalStore,
  jobs: readonly { app: string; version: string }[],
  context: ReadContext,
  missing: "error" | "info" = "error",
): Promise<{ drafts: DraftRead[]; diagnostics: Diagnostic[] }> {
  const limit = pLimit(4);
  let done = 0;
  const diagnostics: Diagnostic[] = [];
  const reads = await Promise.all(
    jobs.map(({ app, version }) =>
      limit(async () => {
        const raw = await store.read(openApiPath(app, version));
        done += 1;
        context.onProgress?.({ done, total: jobs.length, label: `${app} ${version} OpenAPI` });
        if (raw === undefined) {
          diagnostics.push(
            diagnostic(missing, "OPENAPI_MISSING_DOCUMENT", `no OpenAPI document for ${app} ${version}`, {
              file: `${store.location}/${openApiPath(app, version)}`,
            }),
          );
          return [];
        }
        return readDocument(raw, { app, version });
      }),
    ),
  );
  return { drafts: reads.flat(), diagnostics };
}

/**
 * One document's text → its draft. Every diagnostic has its JSON pointer; an
 * error also gets its line and column, found in the text only then (a scan of
 * the whole text costs more than reading the document).
 */
export function readDocument(raw: RawDocument, expected?: { app: string; version: string }): DraftRead[] {
  if (raw.text.length > MAX_DOCUMENT_BYTES) {
    throw new GeneratorError(`${raw.location}: larger than ${MAX_DOCUMENT_BYTES} bytes; not an OpenAPI document of the API`, {
      exitCode: 2,
    });
  }
  const parsed = parseJsonNestedAtMost(raw.text, MAX_DOCUMENT_DEPTH);
  if (!parsed.ok) {
    throw new GeneratorError(`${raw.location}: invalid JSON: ${parsed.message}`, {
      exitCode: 1,
      diagnostics: [
        ...undecodableBytes(raw),
        diagnostic("error", "OPENAPI_INVALID_JSON", `invalid JSON: ${parsed.message}`, { file: raw.location, ...parsed.position }),
      ],
    });
  }
  const value = parsed.value;
  const mapped = mapOpenApiDocument(value, raw.location);
  const diagnostics = [...undecodableBytes(raw), ...withPositions(raw.text, value, mapped.diagnostics)];
  if (mapped.draft === undefined) return [{ draft: emptyDraft(raw.location, expected), diagnostics }];
  if (expected !== undefined && (mapped.draft.app !== expected.app || mapped.draft.version !== expected.version)) {
    diagnostics.push(
      diagnostic(
        "warning",
        "OPENAPI_MISPLACED",
        `the document describes ${mapped.draft.app} ${mapped.draft.version} but sits at ${expected.app} ${expected.version}; read as what it describes`,
        { file: raw.location, pointer: "/info/version" },
      ),
    );
  }
  return [{ draft: mapped.draft, diagnostics }];
}

/** A document that says nothing usable still gives its app-version, so that its errors withhold it rather than vanish. */
function emptyDraft(location: string, expected: { app: string; version: string } | undefined) {
  return {
    app: expected?.app ?? "unknown",
    version: expected?.version ?? "unversioned",
    title: expected?.app ?? "unknown",
    baseUrl: "https://api.planningcenteronline.com",
    source: { format: "openapi" as const, location },
    resources: [],
  };
}

function withPositions(text: string, value: unknown, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!diagnostics.some((d) => d.severity === "error")) return diagnostics;
  const locate = jsonLocator(text);
  return diagnostics.map((d) =>
    d.pointer === undefined || d.line !== undefined || d.severity !== "error" ? d : { ...d, ...locate(pathOf(value, d.pointer)) },
  );
}

/** A JSON pointer as path segments, array indices as numbers (jsonc-parser tells arrays from objects by them). */
function pathOf(value: unknown, pointer: string): (string | number)[] {
  const path: (string | number)[] = [];
  let current = value;
  for (const part of pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))) {
    const index = Array.isArray(current) && /^\d+$/.test(part) ? Number(part) : part;
    path.push(index);
    current = current !== null && typeof current === "object" ? (current as Record<string | number, unknown>)[index] : undefined;
  }
  return path;
}

async function subfolders(folder: string): Promise<string[]> {
  try {
    const found = await readdir(folder, { withFileTypes: true });
    return sortedStrings(found.filter((e) => e.isDirectory()).map((e) => e.name));
  } catch (error) {
    throw new GeneratorError(`cannot read ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      exitCode: 2,
      cause: error,
    });
  }
}

async function filesIn(folder: string): Promise<string[]> {
  try {
    const found = await readdir(folder, { withFileTypes: true });
    return sortedStrings(found.filter((e) => e.isFile()).map((e) => e.name));
  } catch {
    return [];
  }
}

/**
 * The developer-portal page reader: `portal-page:<file|folder>`. Each file is
 * one resource page saved as text or as markdown (detected from its content);
 * a folder's pages, in its sub-folders too, are read together, one spec per
 * app. The app is the one the page's links name, or else the URL segment of
 * its endpoints. A page that states the portal version gives it; one that
 * does not gets the version `unversioned`, kept beside the app's dated specs.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { diagnostic, GeneratorError, type Diagnostic } from "../../diagnostics.js";
import { displayPath } from "../../util/display-path.js";
import { compareText } from "../../util/order.js";
import type { SpecDraft } from "../../spec/draft.js";
import { DEFAULT_BASE_URL } from "../portal/reader.js";
import type { VersionChoice } from "../portal/versions.js";
import { detectFormat, FORMAT_NAMES, type DocumentFormat } from "../slate/detect.js";
import { isFolder, openPage, type TextFile } from "../slate/documents.js";
import { appSegmentOf } from "../slate/names.js";
import type { DraftRead, SourceRead } from "../reader-result.js";
import type { SourceOperand } from "../source-operand.js";
import type { HttpStoreOptions } from "../portal/http-store.js";
import { markdownPage } from "./markdown-blocks.js";
import { readMarkdownResource } from "./markdown-resource.js";
import { pageSections } from "./page.js";
import { readPageResource, type PageResource } from "./resource.js";
import { appendAll } from "../../util/append.js";
import { undecodableBytes } from "../undecodable-bytes.js";

/** The version of a spec read from pages that do not say which portal version they show. */
export const UNVERSIONED = "unversioned";

export interface PortalPageReadOptions {
  apps?: readonly string[];
  versions: VersionChoice;
  http?: HttpStoreOptions;
}

export async function readPortalPages(source: SourceOperand, options: PortalPageReadOptions): Promise<SourceRead> {
  const { files, folder } = await pageFiles(source, options.http);
  const diagnostics: Diagnostic[] = [];
  const pages: PageRead[] = [];
  const formats = new Map<string, number>();
  for (const file of files) {
    const format = detectFormat(file.text);
    formats.set(format ?? "unknown", (formats.get(format ?? "unknown") ?? 0) + 1);
    if (format !== "portal-page-text" && format !== "portal-page-markdown" && !folder) {
      throw new GeneratorError(
        `${file.location} is not a developer-portal resource page saved as text or markdown (${format === undefined ? "not documentation this tool reads" : `it is ${FORMAT_NAMES[format]}`})`,
        { exitCode: 2 },
      );
    }
    if (format !== "portal-page-text" && format !== "portal-page-markdown") {
      diagnostics.push(
        diagnostic(
          "warning",
          "PAGE_NOT_A_PAGE",
          `not a developer-portal resource page (${format === undefined ? "not documentation this tool reads" : FORMAT_NAMES[format]}); skipped`,
          { file: file.location },
        ),
      );
      continue;
    }
    const own = undecodableBytes(file);
    const page =
      format === "portal-page-text" ? readPageResource(pageSections(file.text), file.location, own) : readMarkdownPage(file, own);
    if (page === undefined) appendAll(diagnostics, own);
    else pages.push({ page, file: file.location, own, format });
  }
  const drafts = group(pages, source.isUrl ? source.location : displayPath(source.location), diagnostics).filter(
    ({ draft }) =>
      (options.apps === undefined || options.apps.length === 0 || options.apps.includes(draft.app)) &&
      (options.versions.kind !== "list" || options.versions.ids.includes(draft.version)),
  );
  return {
    drafts,
    diagnostics,
    detected: `${source.kind}:${source.location}: ${pages.length} developer-portal resource page${pages.length === 1 ? "" : "s"} (${pages.map((p) => p.page.resource.type).join(", ")}) of ${files.length} file${files.length === 1 ? "" : "s"} (${formatCounts(formats)})`,
  };
}

interface PageRead {
  page: PageResource;
  file: string;
  own: Diagnostic[];
  format: "portal-page-text" | "portal-page-markdown";
}

function readMarkdownPage(file: TextFile, diagnostics: Diagnostic[]): PageResource | undefined {
  const parsed = markdownPage(file.text);
  if ("refused" in parsed) {
    diagnostics.push(
      diagnostic("error", parsed.refused.code, `${parsed.refused.problem}; the file was not read`, {
        file: file.location,
        line: parsed.refused.line,
        column: 1,
      }),
    );
    return undefined;
  }
  return readMarkdownResource(parsed.page, file.location, diagnostics);
}

const FORMAT_COUNTED: Readonly<Record<DocumentFormat | "unknown", string>> = {
  "portal-page-text": "portal pages as text",
  "portal-page-markdown": "portal pages as markdown",
  "slate-markdown": "Slate markdown",
  "slate-html": "built Slate pages",
  "slate-text": "Slate pages as text",
  unknown: "not documentation this tool reads",
};

/** "15 portal pages saved as markdown, 2 Slate markdown": what the files were, for a source that yields no spec. */
function formatCounts(formats: ReadonlyMap<string, number>): string {
  return [...formats.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([format, count]) => `${count} ${FORMAT_COUNTED[format as DocumentFormat | "unknown"]}`)
    .join(", ");
}

/** The page, or every file of a folder of pages and of its sub-folders. */
async function pageFiles(source: SourceOperand, http: HttpStoreOptions | undefined): Promise<{ files: TextFile[]; folder: boolean }> {
  if (source.isUrl || !(await isFolder(source.location)))
    return { files: [(await openPage(source.location, source.isUrl, http)).entry], folder: false };
  const names = await filesUnder(source.location, 0);
  if (names.length === 0) throw new GeneratorError(`${displayPath(source.location)} holds no page`, { exitCode: 2 });
  return { files: await Promise.all(names.map(async (name) => (await openPage(name, false)).entry)), folder: true };
}

/** How deep sub-folders are followed: saved sites nest an app's pages a level or two down. */
const MAX_FOLDER_DEPTH = 8;
/** How many files a folder may hold, in all its sub-folders. */
const MAX_PAGE_FILES = 10_000;

/** Every file under the folder, sorted by path; links are not followed, so a loop cannot be. */
async function filesUnder(folder: string, depth: number): Promise<string[]> {
  if (depth > MAX_FOLDER_DEPTH)
    throw new GeneratorError(`${displayPath(folder)} is more than ${MAX_FOLDER_DEPTH} folders deep; not read`, { exitCode: 2 });
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => compareText(a.name, b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isFile()) files.push(full);
    else if (entry.isDirectory()) appendAll(files, await filesUnder(full, depth + 1));
    if (files.length > MAX_PAGE_FILES)
      throw new GeneratorError(`${displayPath(folder)} holds more than ${MAX_PAGE_FILES} files; not read`, { exitCode: 2 });
  }
  return files;
}

/** Pages of one app and version make one spec. */
function group(pages: readonly PageRead[], location: string, diagnostics: Diagnostic[]): DraftRead[] {
  const byKey = new Map<string, DraftRead>();
  for (const { page, file, own, format } of pages) {
    const urls = [page.exampleUrl, ...page.resource.endpoints.map((e) => e.path)].filter((u): u is string => u !== undefined);
    const app = page.app ?? urls.map(appSegmentOf).find((segment) => segment !== undefined);
    if (app === undefined) {
      diagnostics.push(
        diagnostic("error", "PAGE_NO_APP", `${page.resource.type}: no URL on the page says which app it documents`, { file }),
      );
      continue;
    }
    const version = page.version ?? UNVERSIONED;
    const key = `${app}/${version}`;
    const entry = byKey.get(key) ?? { draft: emptyDraft(app, version, baseUrlOf(page.exampleUrl), location, format), diagnostics: [] };
    entry.draft.resources.push(page.resource);
    appendAll(entry.diagnostics, own);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

function emptyDraft(app: string, version: string, baseUrl: string, location: string, format: PageRead["format"]): SpecDraft {
  return {
    app,
    version,
    title: `Planning Center ${app
      .split(/[-_]/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(" ")}`,
    baseUrl,
    source: { format, location },
    resources: [],
  };
}

function baseUrlOf(url: string | undefined): string {
  return url === undefined ? DEFAULT_BASE_URL : (/^https?:\/\/[^/?#]+/i.exec(url)?.[0] ?? DEFAULT_BASE_URL);
}

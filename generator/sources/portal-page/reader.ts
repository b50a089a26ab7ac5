/**
 * The developer-portal page reader: `portal-page:<file|folder>`. Each file is
 * one resource page saved as text (detected from its content); a folder's
 * pages are read together, one spec per app. The app is the URL segment of the
 * page's endpoints. A page that states the portal version gives it; one that
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
import { detectFormat, FORMAT_NAMES } from "../slate/detect.js";
import { isFolder, openPage, type TextFile } from "../slate/documents.js";
import { appSegmentOf } from "../slate/names.js";
import type { DraftRead, SourceRead } from "../reader-result.js";
import type { SourceOperand } from "../source-operand.js";
import type { HttpStoreOptions } from "../portal/http-store.js";
import { pageSections } from "./page.js";
import { readPageResource, type PageResource } from "./resource.js";

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
  const pages: { page: PageResource; file: string; own: Diagnostic[] }[] = [];
  for (const file of files) {
    const format = detectFormat(file.text);
    if (format !== "portal-page-text" && !folder) {
      throw new GeneratorError(`${file.location} is not ${FORMAT_NAMES["portal-page-text"]} (${format === undefined ? "not documentation this tool reads" : `it is ${FORMAT_NAMES[format]}`})`, { exitCode: 2 });
    }
    if (format !== "portal-page-text") {
      diagnostics.push(
        diagnostic("warning", "PAGE_NOT_A_PAGE", `not a developer-portal resource page (${format === undefined ? "not documentation this tool reads" : FORMAT_NAMES[format]}); skipped`, { file: file.location }),
      );
      continue;
    }
    const own: Diagnostic[] = [];
    const page = readPageResource(pageSections(file.text), file.location, own);
    if (page === undefined) diagnostics.push(...own);
    else pages.push({ page, file: file.location, own });
  }
  const drafts = group(pages, source.isUrl ? source.location : displayPath(source.location), diagnostics).filter(
    ({ draft }) =>
      (options.apps === undefined || options.apps.length === 0 || options.apps.includes(draft.app)) &&
      (options.versions.kind !== "list" || options.versions.ids.includes(draft.version)),
  );
  return {
    drafts,
    diagnostics,
    detected: `${source.kind}:${source.location}: ${pages.length} developer-portal resource page${pages.length === 1 ? "" : "s"} saved as text (${pages.map((p) => p.page.resource.type).join(", ")})`,
  };
}

/** The page, or every file of a folder of pages. */
async function pageFiles(source: SourceOperand, http: HttpStoreOptions | undefined): Promise<{ files: TextFile[]; folder: boolean }> {
  if (source.isUrl || !(await isFolder(source.location))) return { files: [(await openPage(source.location, source.isUrl, http)).entry], folder: false };
  const names = (await readdir(source.location, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort(compareText);
  if (names.length === 0) throw new GeneratorError(`${displayPath(source.location)} holds no page`, { exitCode: 2 });
  return { files: await Promise.all(names.map(async (name) => (await openPage(path.join(source.location, name), false)).entry)), folder: true };
}

/** Pages of one app and version make one spec. */
function group(pages: readonly { page: PageResource; file: string; own: Diagnostic[] }[], location: string, diagnostics: Diagnostic[]): DraftRead[] {
  const byKey = new Map<string, DraftRead>();
  for (const { page, file, own } of pages) {
    const urls = [page.exampleUrl, ...page.resource.endpoints.map((e) => e.path)].filter((u): u is string => u !== undefined);
    const app = urls.map(appSegmentOf).find((segment) => segment !== undefined);
    if (app === undefined) {
      diagnostics.push(diagnostic("error", "PAGE_NO_APP", `${page.resource.type}: no URL on the page says which app it documents`, { file }));
      continue;
    }
    const version = page.version ?? UNVERSIONED;
    const key = `${app}/${version}`;
    const entry = byKey.get(key) ?? { draft: emptyDraft(app, version, baseUrlOf(page.exampleUrl), location), diagnostics: [] };
    entry.draft.resources.push(page.resource);
    entry.diagnostics.push(...own);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

function emptyDraft(app: string, version: string, baseUrl: string, location: string): SpecDraft {
  return {
    app,
    version,
    title: `Planning Center ${app.split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ")}`,
    baseUrl,
    source: { format: "portal-page-text", location },
    resources: [],
  };
}

function baseUrlOf(url: string | undefined): string {
  return url === undefined ? DEFAULT_BASE_URL : /^https?:\/\/[^/?#]+/i.exec(url)?.[0] ?? DEFAULT_BASE_URL;
}

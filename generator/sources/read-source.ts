/**
 * Reads one `--from` source with the reader its kind names. The Slate and
 * page readers are loaded when a source needs them: they bring cheerio,
 * markdown-it and remark, whose loading would otherwise slow every command down.
 */
import { displayPath } from "../util/display-path.js";
import { folderStore } from "./portal/folder-store.js";
import { httpStore, type HttpStoreOptions } from "./portal/http-store.js";
import { readPortal } from "./portal/reader.js";
import type { ReadContext, SourceRead } from "./reader-result.js";
import type { VersionChoice } from "./portal/versions.js";
import type { SourceOperand } from "./source-operand.js";

export interface ReadOptions {
  apps?: readonly string[];
  versions: VersionChoice;
  http?: HttpStoreOptions;
  /** Hosts besides the documented API host that the docs' URLs may name (`--api-host`). */
  apiHosts?: readonly string[];
}

export async function readSource(source: SourceOperand, options: ReadOptions, context: ReadContext = {}): Promise<SourceRead> {
  switch (source.kind) {
    case "portal": {
      const store = source.isUrl ? httpStore(source.location, options.http) : folderStore(displayPath(source.location));
      return readPortal(store, options, context);
    }
    case "slate":
      return (await import("./slate/reader.js")).readSlate(source, options);
    case "portal-page":
      return (await import("./portal-page/reader.js")).readPortalPages(source, options);
    case "openapi":
      return (await import("./openapi/reader.js")).readOpenApi(source, options, context);
  }
}

/** A mirror folder of the documentation API: each document at `<path>.json`. */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { GeneratorError } from "../../diagnostics.js";
import { exists } from "../../util/exists.js";
import { sortedStrings } from "../../util/order.js";
import { isMissingPath, readCappedDocument, readFailure } from "../../util/read-capped.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./http-store.js";
import type { PortalStore, RawDocument } from "./store.js";

export function folderStore(folder: string): PortalStore {
  const display = (relative: string) => path.posix.join(folder.split(path.sep).join("/"), relative);

  const subfolders = async (relative: string): Promise<string[]> => {
    try {
      const entries = await readdir(path.join(folder, relative), { withFileTypes: true });
      return sortedStrings(entries.filter((e) => e.isDirectory()).map((e) => e.name));
    } catch (error) {
      if (isMissingPath(error)) return [];
      throw unreadable(display(relative), error);
    }
  };

  return {
    location: folder,
    async listApps() {
      // An app is a folder with a Graph document or a documentation folder under v2/.
      const hasDocs = async (app: string) =>
        (await exists(path.join(folder, app, "v2", "documentation.json"))) || (await exists(path.join(folder, app, "v2", "documentation")));
      const apps = await subfolders("");
      const flags = await Promise.all(apps.map(hasDocs));
      return apps.filter((_, i) => flags[i]);
    },
    listVersions: (app) => subfolders(`${app}/v2/documentation`),
    async listVertices(app, version) {
      const relative = `${app}/v2/documentation/${version}/vertices`;
      try {
        const entries = await readdir(path.join(folder, relative), { withFileTypes: true });
        return sortedStrings(entries.filter((e) => e.isFile() && e.name.endsWith(".json")).map((e) => e.name.slice(0, -5)));
      } catch (error) {
        if (isMissingPath(error)) return [];
        throw unreadable(display(relative), error);
      }
    },
    async read(documentPath): Promise<RawDocument | undefined> {
      const relative = `${documentPath}.json`;
      const file = insideRoot(folder, relative);
      try {
        // Read synchronously: for hundreds of small documents that is faster than the thread pool's round trips.
        // A mirror holds what the server would send: each document is held to the cap of a response.
        return { ...readCappedDocument(file, DEFAULT_MAX_RESPONSE_BYTES), location: display(relative) };
      } catch (error) {
        if (isMissingPath(error)) return undefined;
        throw unreadable(display(relative), error);
      }
    },
  };
}

/** The file of a document path, which must resolve inside the mirror folder. */
function insideRoot(folder: string, relative: string): string {
  const root = path.resolve(folder);
  const file = path.resolve(root, relative);
  if (path.isAbsolute(relative) || !file.startsWith(root + path.sep)) {
    throw new GeneratorError(`refused to read ${JSON.stringify(relative)}: it resolves outside the mirror folder ${folder}`, {
      exitCode: 2,
    });
  }
  return file;
}

function unreadable(location: string, error: unknown): GeneratorError {
  return new GeneratorError(`cannot read ${location}: ${readFailure(error)}`, { exitCode: 2, cause: error });
}

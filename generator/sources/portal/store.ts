/**
 * Where portal documents come from. The documentation API's URL layout is the
 * same for the live server and for a mirror folder:
 *
 *   {app}/v2/documentation                                  the Graph (versions, vertices)
 *   {app}/v2/documentation/{version}/vertices/{vertex}      one vertex
 *
 * A folder mirror stores each document as `<that path>.json`.
 */

export interface RawDocument {
  text: string;
  /** The file (relative, as the user named the folder) or the URL it came from. */
  location: string;
  /** Where the document's first byte that is not UTF-8 (in a file or an HTTP answer) was read as U+FFFD, if one was (`util/decode-text.ts`). */
  undecodable?: { line: number; column: number };
}

export interface PortalStore {
  /** The folder or base URL, as the user gave it. */
  readonly location: string;
  /** Apps present in the store, or undefined where they cannot be listed (HTTP). */
  listApps(): Promise<string[] | undefined>;
  /** Version folders present on disk; always empty for HTTP. */
  listVersions(app: string): Promise<string[]>;
  /** Vertex documents present on disk; always empty for HTTP. */
  listVertices(app: string, version: string): Promise<string[]>;
  /** The document at a documentation path, or undefined where there is none (404, no file). */
  read(path: string): Promise<RawDocument | undefined>;
}

export const graphPath = (app: string): string => `${app}/v2/documentation`;

export const vertexPath = (app: string, version: string, vertex: string): string => `${app}/v2/documentation/${version}/vertices/${vertex}`;

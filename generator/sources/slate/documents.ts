/**
 * Where the files of a page come from: a file (or a folder holding one), or a
 * URL fetched with the same rate limit, retries, cache and redirect policy as
 * the documentation API. Markdown includes are read relative to the index.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { diagnostic, GeneratorError } from "../../diagnostics.js";
import { displayPath } from "../../util/display-path.js";
import type { DecodedText } from "../../util/decode-text.js";
import { isMissingPath, readCappedDocument, readFailure } from "../../util/read-capped.js";
import { DEFAULT_MAX_RESPONSE_BYTES, httpStore, type HttpStoreOptions } from "../portal/http-store.js";
import type { RawDocument } from "../portal/store.js";

/** A file of a page: its location is as the user named it (relative) or a URL, what diagnostics name. */
export type TextFile = RawDocument;

export interface PageFiles {
  /** The entry file: an index.md, a built page, or a saved text. */
  entry: TextFile;
  /** A file next to the entry (`includes/_people.md`), or undefined where there is none. */
  sibling(relative: string): Promise<TextFile | undefined>;
}

/** Files a folder may hold, in the order they are looked for: markdown sources first. */
const ENTRY_FILES = ["index.md", "index.html.md", "source/index.md", "source/index.html.md", "build/index.html", "index.html"] as const;

export async function openPage(location: string, isUrl: boolean, http: HttpStoreOptions = {}): Promise<PageFiles> {
  return isUrl ? openUrl(location, http) : openPath(location);
}

async function openPath(location: string): Promise<PageFiles> {
  const entryPath = (await isFolder(location)) ? await entryIn(location) : location;
  const folder = path.dirname(entryPath);
  const entry = await readText(entryPath);
  if (entry === undefined) throw new GeneratorError(`cannot read ${displayPath(entryPath)}: no such file`, { exitCode: 2 });
  return { entry, sibling: (relative) => readText(path.join(folder, relative)) };
}

async function entryIn(folder: string): Promise<string> {
  for (const candidate of ENTRY_FILES) {
    const file = path.join(folder, candidate);
    if (await isFile(file)) return file;
  }
  throw new GeneratorError(`${displayPath(folder)} holds no Slate page (looked for ${ENTRY_FILES.join(", ")})`, { exitCode: 2 });
}

/** A page's file, held to the cap of a page fetched over HTTP. */
async function readText(file: string): Promise<TextFile | undefined> {
  let decoded: DecodedText;
  try {
    decoded = readCappedDocument(file, DEFAULT_MAX_RESPONSE_BYTES);
  } catch (error) {
    if (isMissingPath(error)) return undefined;
    throw new GeneratorError(`cannot read ${displayPath(file)}: ${readFailure(error)}`, { exitCode: 2, cause: error });
  }
  return withReadableLines({ ...decoded, location: displayPath(file) });
}

/**
 * The longest line a page may have. The docs' longest is 1,266 characters; the
 * markdown parser takes seconds per megabyte of a single line, so a file with a
 * far longer line is refused before any parser sees it, naming the line.
 */
export const MAX_LINE_LENGTH = 65_536;

function withReadableLines(file: TextFile): TextFile {
  const lineEnd = /\r\n?|\n/g;
  let start = 0;
  for (let line = 1; start <= file.text.length; line += 1) {
    const end = lineEnd.exec(file.text);
    const length = (end === null ? file.text.length : end.index) - start;
    if (length > MAX_LINE_LENGTH) {
      const problem = `line ${line} has ${length} characters, more than the ${MAX_LINE_LENGTH} a documentation line may have`;
      throw new GeneratorError(`cannot read ${file.location}: ${problem}`, {
        exitCode: 2,
        diagnostics: [
          diagnostic("error", "DOC_LINE_TOO_LONG", `${problem}; the file was not read`, { file: file.location, line, column: 1 }),
        ],
      });
    }
    if (end === null) break;
    start = lineEnd.lastIndex;
  }
  return file;
}

async function openUrl(location: string, http: HttpStoreOptions): Promise<PageFiles> {
  const url = new URL(location);
  const folder = new URL(".", url);
  const store = httpStore(folder.href, { accept: "text/html, text/markdown, text/plain;q=0.9, */*;q=0.8", ...http });
  const fetch = async (relative: string) => {
    const document = await store.read(relative);
    return document === undefined ? undefined : withReadableLines(document);
  };
  const entry = await fetch(url.href.slice(folder.href.length) || "./");
  if (entry === undefined) throw new GeneratorError(`cannot fetch ${url.href}: HTTP 404 Not Found`, { exitCode: 2 });
  return { entry, sibling: fetch };
}

export async function isFolder(location: string): Promise<boolean> {
  try {
    return (await stat(location)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(location: string): Promise<boolean> {
  try {
    return (await stat(location)).isFile();
  } catch {
    return false;
  }
}

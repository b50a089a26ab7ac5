/**
 * What the fuzzer feeds the readers: real files of the documentation corpus,
 * one kind per format a reader accepts, each placed where its reader looks for
 * it (a portal mirror's URL layout, a Slate site's `includes/`), so that a case
 * runs the same code as `pco-codegen scrape --from <kind>:<place>`.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeFolders } from "../util/make-folders.js";
import { compareText, sortedStrings } from "../util/order.js";
import { INDEX_SECTIONS } from "../sources/slate/headings.js";
import { parseSourceOperand, type SourceOperand } from "../sources/source-operand.js";

export const INPUT_KINDS = [
  "portal-vertex",
  "portal-graph",
  "slate-markdown",
  "slate-html",
  "slate-text",
  "portal-page-text",
  "portal-page-markdown",
  "openapi-document",
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface Seed {
  kind: InputKind;
  /** The corpus file, relative to the corpus folder, and the part of it used (`#pco-giving`). */
  name: string;
  text: string;
  /**
   * Writes the mutated text (or the bytes of some encoding of it), and what its reader needs beside it, into an empty folder;
   * returns the source to read.
   */
  place(folder: string, text: string | Uint8Array): SourceOperand;
}

/**
 * `quick`: the smaller seeds, for the test suite (a few seconds for 200 cases).
 * `full`: every seed.
 */
export type SeedSelection = "quick" | "full";

/**
 * The quick selection's bound on a seed's size, and on the vertices an app's Graph lists. An OpenAPI document is JSON, which its
 * reader takes at a small fraction of what the markdown and HTML readers spend on a byte: its bound is higher, so that the
 * smaller official documents are in the quick selection.
 */
const QUICK_BYTES = 40 * 1024;
const QUICK_OPENAPI_BYTES = 80 * 1024;
const QUICK_VERTICES = 20;

export function loadSeeds(corpus: string, selection: SeedSelection): Map<InputKind, Seed[]> {
  const files = listCorpus(corpus);
  const read = (file: string) => readFileSync(path.join(corpus, file), "utf8");
  const all: Seed[] = [
    ...files
      .filter((f) => /^portal\/[^/]+\/[^/]+\/v2\/documentation\/[^/]+\/vertices\/[^/]+\.json$/.test(f))
      .map((f) => aloneAtServedPath("portal-vertex", "portal", f, read(f))),
    ...files.filter((f) => /^portal\/[^/]+\/[^/]+\/v2\/documentation\.json$/.test(f)).map((f) => graphSeed(corpus, f, read(f), files)),
    ...files.filter((f) => /^slate\/[^/]+\/source\/(index\.md|includes\/_[^/]+\.md)$/.test(f)).map((f) => markdownSeed(corpus, f, read(f))),
    ...files.filter((f) => /^slate\/[^/]+\/build\/index\.html$/.test(f)).flatMap((f) => htmlSeeds(f, read(f))),
    ...files.filter((f) => f.startsWith("seeds/")).flatMap((f) => textSeeds(f, read(f))),
    ...files.filter((f) => /^portal-pages\/.+\.md$/.test(f)).flatMap((f) => markdownPageSeeds(f, read(f))),
    ...files
      .filter((f) => /^openapi\/[^/]+\/[^/]+\/v2\/open_api\/[^/]+\.json$/.test(f))
      .map((f) => aloneAtServedPath("openapi-document", "openapi", f, read(f))),
  ];
  const kept = selection === "full" ? all : all.filter((seed) => isQuick(seed, files));
  return new Map(INPUT_KINDS.map((kind) => [kind, kept.filter((s) => s.kind === kind).sort((a, b) => compareText(a.name, b.name))]));
}

function isQuick(seed: Seed, files: readonly string[]): boolean {
  if (seed.kind === "portal-graph") {
    const folder = seed.name.replace(/\.json$/, "/");
    return files.filter((f) => f.startsWith(folder)).length <= QUICK_VERTICES;
  }
  return seed.text.length <= (seed.kind === "openapi-document" ? QUICK_OPENAPI_BYTES : QUICK_BYTES);
}

function listCorpus(corpus: string): string[] {
  const entries = readdirSync(corpus, { recursive: true, withFileTypes: true });
  return sortedStrings(
    entries.filter((e) => e.isFile()).map((e) => path.relative(corpus, path.join(e.parentPath, e.name)).split(path.sep).join("/")),
  );
}

function write(folder: string, relative: string, text: string | Uint8Array): void {
  const file = path.join(folder, relative);
  makeFolders(path.dirname(file));
  writeFileSync(file, text);
}

/**
 * A file alone in a folder, at the path the API serves it under (its corpus path without the corpus's two folders), read as a
 * source of `format`: a vertex in a mirror of its app-version (no Graph: versions and vertices are found from the folders), an
 * official OpenAPI document (`{app}/v2/open_api/{version}.json`).
 */
function aloneAtServedPath(kind: InputKind, format: "portal" | "openapi", file: string, text: string): Seed {
  const servedPath = file.split("/").slice(2).join("/");
  return {
    kind,
    name: file,
    text,
    place(folder, mutated) {
      write(folder, servedPath, mutated);
      return parseSourceOperand(`${format}:${folder}`);
    },
  };
}

/** An app's Graph, with the vertices its capture holds for that app. */
function graphSeed(corpus: string, file: string, text: string, files: readonly string[]): Seed {
  const [, capture, app] = file.split("/") as [string, string, string];
  const vertices = files.filter((f) => f.startsWith(`portal/${capture}/${app}/v2/documentation/`));
  return {
    kind: "portal-graph",
    name: file,
    text,
    place(folder, mutated) {
      write(folder, `${app}/v2/documentation.json`, mutated);
      for (const vertex of vertices) write(folder, vertex.split("/").slice(2).join("/"), readFileSync(path.join(corpus, vertex), "utf8"));
      return parseSourceOperand(`portal:${folder}`);
    },
  };
}

/**
 * A markdown file in a Slate site: an include is read through its version's
 * `index.md`, which then includes it alone; an `index.md` with the includes of
 * its version that are small (the others are reported missing).
 */
function markdownSeed(corpus: string, file: string, text: string): Seed {
  const source = file.slice(0, file.indexOf("/source/") + "/source/".length);
  const include = /includes\/_([^/]+)\.md$/.exec(file)?.[1];
  return {
    kind: "slate-markdown",
    name: file,
    text,
    place(folder, mutated) {
      if (include !== undefined) {
        const index = readFileSync(path.join(corpus, source, "index.md"), "utf8");
        write(folder, "index.md", index.replace(/^includes:\n(?: +- .*\n)+/m, `includes:\n  - ${include}\n`));
        write(folder, `includes/_${include}.md`, mutated);
      } else {
        write(folder, "index.md", mutated);
        for (const small of ["errors", "webhooks"]) {
          const includeFile = path.join(corpus, source, "includes", `_${small}.md`);
          try {
            write(folder, `includes/_${small}.md`, readFileSync(includeFile, "utf8"));
          } catch {
            // Not in this version.
          }
        }
      }
      return parseSourceOperand(`slate:${folder}`);
    },
  };
}

/**
 * A whole page, and the page cut to each of its apps: its start, its index
 * sections and that app's section, so that every app is also fuzzed in a file
 * small enough for the quick selection.
 */
function pageSeeds(
  kind: InputKind,
  file: string,
  text: string,
  headingOf: (line: string) => string | undefined,
  place: Seed["place"],
): Seed[] {
  const lines = text.split("\n");
  const starts = lines.flatMap((line, i) => (headingOf(line) === undefined ? [] : [i]));
  const sections = starts.map((start, i) => {
    const heading = headingOf(lines[start]!)!;
    return {
      heading,
      isIndex: (INDEX_SECTIONS as readonly string[]).includes(heading),
      lines: lines.slice(start, starts[i + 1] ?? lines.length),
    };
  });
  const preamble = lines.slice(0, starts[0] ?? lines.length);
  const excerpt = (app: (typeof sections)[number]) =>
    [...preamble, ...sections.filter((s) => s.isIndex || s === app).flatMap((s) => s.lines)].join("\n");
  const seed = (name: string, body: string): Seed => ({ kind, name, text: body, place });
  return [seed(file, text), ...sections.filter((s) => !s.isIndex).map((app) => seed(`${file}#${app.heading}`, excerpt(app)))];
}

/** The built page: its sections start at `<h1>`. */
function htmlSeeds(file: string, text: string): Seed[] {
  const heading = (line: string) => h1Text(line)?.replace(/&amp;/g, "&");
  return pageSeeds("slate-html", file, text, heading, (folder, mutated) => {
    write(folder, "index.html", mutated);
    return parseSourceOperand(`slate:${path.join(folder, "index.html")}`);
  });
}

/** The text of a line's `<h1 ...>text</h1>`, found by position: a pattern would rescan a line of many `<h1`s from each. */
function h1Text(line: string): string | undefined {
  const open = line.indexOf("<h1");
  const textStart = open < 0 ? -1 : line.indexOf(">", open) + 1;
  const textEnd = textStart <= 0 ? -1 : line.indexOf("<", textStart);
  return textEnd >= 0 && line.startsWith("</h1>", textEnd) ? line.slice(textStart, textEnd) : undefined;
}

/** Pages saved as text: the Slate page (seed 001), whose apps start at "PCO ...", and the developer-portal resource pages. */
function textSeeds(file: string, text: string): Seed[] {
  const placeAs =
    (kind: "slate" | "portal-page"): Seed["place"] =>
    (folder, mutated) => {
      write(folder, "page.txt", mutated);
      return parseSourceOperand(`${kind}:${path.join(folder, "page.txt")}`);
    };
  if (/^Example Object$/m.test(text) && /^Attributes$/m.test(text))
    return [{ kind: "portal-page-text", name: file, text, place: placeAs("portal-page") }];
  if (!/^HTTP Request$/m.test(text)) return [];
  const heading = (line: string) =>
    (INDEX_SECTIONS as readonly string[]).includes(line) || /^PCO [A-Za-z-]+(?: \(BETA\))?$/.test(line) ? line : undefined;
  return pageSeeds("slate-text", file, text, heading, placeAs("slate"));
}

/** Portal resource pages saved as markdown: those whose sections are link-headings (an app's index page is not one). */
function markdownPageSeeds(file: string, text: string): Seed[] {
  if (!/^\[# Attributes\]\(/m.test(text)) return [];
  const place: Seed["place"] = (folder, mutated) => {
    write(folder, "page.md", mutated);
    return parseSourceOperand(`portal-page:${path.join(folder, "page.md")}`);
  };
  return [{ kind: "portal-page-markdown", name: file, text, place }];
}

/** Empties a case's folder. */
export function clearFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  makeFolders(folder);
}

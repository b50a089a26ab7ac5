/**
 * The legacy Slate documentation reader: `slate:<folder|file|url>`. The format
 * is detected from the content: markdown sources (an `index.md` whose front
 * matter lists `includes:`, each read from `includes/_<name>.md`), the built
 * HTML page, or the page saved as text. Each app of the page becomes a spec of
 * version `legacy`; the index's API-wide facts go in every one of them.
 */
import { diagnostic, GeneratorError, type Diagnostic } from "../../diagnostics.js";
import { isPathName, pathNameProblem } from "../../path-name.js";
import { displayPath } from "../../util/display-path.js";
import type { HttpStoreOptions } from "../portal/http-store.js";
import type { VersionChoice } from "../portal/versions.js";
import type { SourceRead } from "../reader-result.js";
import type { SourceOperand } from "../source-operand.js";
import { detectFormat, FORMAT_NAMES } from "./detect.js";
import { openPage, type PageFiles, type TextFile } from "./documents.js";
import { interpretSlate, LEGACY_VERSION } from "./interpret.js";
import { readMarkdown } from "./markdown.js";
import type { SlateBlock, SlateDocument } from "./model.js";
import { readPageText } from "./page-text.js";
import { appendAll } from "../../util/append.js";
import { undecodableBytes } from "../undecodable-bytes.js";

export interface SlateReadOptions {
  apps?: readonly string[];
  versions: VersionChoice;
  http?: HttpStoreOptions;
}

export async function readSlate(source: SourceOperand, options: SlateReadOptions): Promise<SourceRead> {
  const files = await openPage(source.location, source.isUrl, options.http);
  const { document, diagnostics } = await slateDocument(files);
  const read = interpretSlate(document, source.isUrl ? source.location : displayPath(source.location));
  const wanted = read.drafts.filter(
    ({ draft }) =>
      (options.apps === undefined || options.apps.length === 0 || options.apps.includes(draft.app)) &&
      (options.versions.kind !== "list" || options.versions.ids.includes(LEGACY_VERSION)),
  );
  return {
    drafts: wanted,
    diagnostics: [...undecodableBytes(files.entry), ...diagnostics, ...read.diagnostics],
    detected: `${source.kind}:${source.location}: ${document.detected}; ${read.drafts.length} app${read.drafts.length === 1 ? "" : "s"} (${read.drafts.map((d) => d.draft.app).join(", ")})`,
  };
}

/** The page in the Slate document model, whichever rendering it is. */
async function slateDocument(files: PageFiles): Promise<{ document: SlateDocument; diagnostics: Diagnostic[] }> {
  const { entry } = files;
  const format = detectFormat(entry.text);
  switch (format) {
    case "slate-markdown":
      return markdownDocument(files);
    case "slate-html": {
      // Loaded for a built page only: it brings cheerio, which the markdown and text readers do without.
      const { readHtml } = await import("./html.js");
      const read = readHtml(entry.text, entry.location);
      return {
        document: { format, blocks: read.blocks, detected: `${FORMAT_NAMES[format]}, ${entry.location}` },
        diagnostics: read.diagnostics,
      };
    }
    case "slate-text": {
      const read = readPageText(entry.text, entry.location);
      return {
        document: { format, blocks: read.blocks, detected: `${FORMAT_NAMES[format]}, ${entry.location}` },
        diagnostics: read.diagnostics,
      };
    }
    case "portal-page-text":
    case "portal-page-markdown":
      throw new GeneratorError(`${entry.location} is ${FORMAT_NAMES[format]}; read it with --from portal-page:${entry.location}`, {
        exitCode: 2,
      });
    default:
      throw new GeneratorError(`${entry.location} is not Slate documentation (neither its markdown, its built page nor the page as text)`, {
        exitCode: 2,
      });
  }
}

/** index.md, then each include in the order its front matter lists them, as one document. */
async function markdownDocument(files: PageFiles): Promise<{ document: SlateDocument; diagnostics: Diagnostic[] }> {
  const index = readMarkdown(files.entry);
  const diagnostics = [...index.diagnostics];
  const blocks: SlateBlock[] = [...index.blocks];
  const included: TextFile[] = [];
  for (const name of index.includes) {
    // A name becomes part of a path (or URL): `../../../../x` would read a file outside the site.
    if (!isPathName(name)) {
      const problem = `the front matter's include ${pathNameProblem("include", name)}; it was not read`;
      diagnostics.push(diagnostic("error", "SLATE_UNSAFE_INCLUDE", problem, { file: files.entry.location, line: 1 }));
      continue;
    }
    const file = await files.sibling(`includes/_${name}.md`);
    if (file === undefined) {
      diagnostics.push(
        diagnostic("error", "SLATE_MISSING_INCLUDE", `the front matter includes "${name}", but includes/_${name}.md is not there`, {
          file: files.entry.location,
          line: 1,
        }),
      );
      continue;
    }
    const read = readMarkdown(file);
    appendAll(diagnostics, undecodableBytes(file));
    appendAll(diagnostics, read.diagnostics);
    appendAll(blocks, read.blocks);
    included.push(file);
  }
  const detected = `${FORMAT_NAMES["slate-markdown"]}, ${files.entry.location} with ${included.length} include${included.length === 1 ? "" : "s"}`;
  return { document: { format: "slate-markdown", blocks, detected }, diagnostics };
}

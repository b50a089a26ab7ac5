/**
 * GFM's pipe tables, and nothing else of GFM, as a unified plugin for
 * remark-parse. The Slate docs use tables alone of GFM's additions (no task
 * lists, footnotes or strikethrough, and their bare URLs read the same as
 * text or as links); leaving out the rest, the autolink literals' walk over
 * every text above all, makes the markdown parse markedly cheaper.
 */
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import type { Processor } from "unified";

export function remarkTables(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  return undefined;
}

/** A changelog in the format asked for. */
import type { Changelog } from "./changelog.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";

export const FORMATS = ["text", "markdown", "json"] as const;
export type ChangelogFormat = (typeof FORMATS)[number];

/** Colours apply to the text format only, never to markdown or JSON. */
export async function renderChangelog(changelog: Changelog, format: ChangelogFormat, options: { colour: boolean }): Promise<string> {
  switch (format) {
    case "text":
      return renderText(changelog, options);
    case "markdown":
      return renderMarkdown(changelog);
    case "json":
      return renderJson(changelog);
  }
}

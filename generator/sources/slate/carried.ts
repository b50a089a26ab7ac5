/**
 * What every rendering of a Slate page carries. A page saved as text keeps
 * neither bulleted lists nor side notes (`<aside>`): the browser's text of the
 * built page leaves them out. So that the markdown, the built page and the
 * saved text of one page read into one spec, none of the three carries them
 * into the spec; each one left out is reported (as info, shown with --verbose).
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { SlateBlock } from "./model.js";
import { isBoilerplate } from "./operation.js";
import { excerpt } from "./report.js";

export function carriedBlocks(blocks: readonly SlateBlock[], diagnostics: Diagnostic[]): SlateBlock[] {
  return blocks.filter((block) => {
    if (block.kind === "list" && !block.ordered) {
      diagnostics.push(
        diagnostic(
          "info",
          "SLATE_LIST_OMITTED",
          `a bulleted list ("${excerpt(block.items[0] ?? "")}"...) is not carried into the spec: a page saved as text loses such lists`,
          block.origin,
        ),
      );
      return false;
    }
    if (block.kind === "paragraph" && block.aside) {
      if (!isBoilerplate(block.text)) {
        diagnostics.push(
          diagnostic(
            "info",
            "SLATE_ASIDE_OMITTED",
            `the side note "${excerpt(block.text)}" is not carried into the spec: a page saved as text loses side notes`,
            block.origin,
          ),
        );
      }
      return false;
    }
    return true;
  });
}

/**
 * A "URL Parameters" table → what a list can be asked for: `where[x]` with its
 * type, each `order`, each `include`, each `filter` with its description and
 * the `per_page` limits (from "(min=1, max=100, default=25)") and whether the
 * list pages by `offset` or by an id cursor (`after`, `before`: older versions
 * of the site document these instead).
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import type { IncludeDraft, Located, NamedDraft } from "../../spec/draft.js";
import { perPageFromText } from "../../spec/per-page.js";
import type { CursorParam, Filter, PerPage, QueryParam } from "../../spec/types.js";
import { tableType } from "./example-types.js";
import type { TableBlock } from "./model.js";

export interface Parameters {
  where: Located<QueryParam>[];
  order: NamedDraft[];
  include: IncludeDraft[];
  filters: Located<Filter>[];
  perPage?: PerPage;
  offset: boolean;
  /** The id cursors the list pages with (`after`, and `before` where documented). */
  cursor: CursorParam[];
}

const WHERE = /^where\[([^\][]+)\]$/;

export function readParameters(table: TableBlock, owner: string, diagnostics: Diagnostic[]): Parameters {
  const read: Parameters = { where: [], order: [], include: [], filters: [], offset: false, cursor: [] };
  for (const row of table.rows) {
    const [parameter = "", value = "", description = ""] = row.cells;
    const origin = row.origin;
    const described = description === "" ? {} : { description };
    const where = WHERE.exec(parameter);
    if (where) {
      read.where.push({ name: where[1]!, type: typeIn(value, `${owner} where[${where[1]}]`, origin, diagnostics), ...described, origin });
      continue;
    }
    switch (parameter) {
      case "order":
        read.order.push({ name: value, origin });
        break;
      case "include":
        read.include.push({ name: value, origin });
        break;
      case "filter":
        read.filters.push({ name: value, ...described, origin });
        break;
      case "offset":
        read.offset = true;
        break;
      case "after":
      case "before":
        read.cursor.push(parameter);
        break;
      case "per_page": {
        const perPage = perPageFromText(description);
        if (perPage === undefined) {
          diagnostics.push(
            diagnostic(
              "warning",
              "SLATE_PER_PAGE",
              `${owner}: per_page does not say "(min=…, max=…, default=…)" with min ≤ default ≤ max: "${description}"`,
              origin,
            ),
          );
        } else {
          read.perPage = perPage;
        }
        break;
      }
      default:
        diagnostics.push(
          diagnostic(
            "warning",
            "SLATE_UNKNOWN_PARAMETER",
            `${owner}: the URL parameter "${parameter}" is not one the docs define (where[…], order, include, filter, per_page, offset, after, before); not read`,
            origin,
          ),
        );
    }
  }
  return read;
}

/** A type cell, repaired where the page's renderer mangled it, with a warning. */
export function typeIn(cell: string, label: string, origin: Origin, diagnostics: Diagnostic[]): string {
  const { type, repaired } = tableType(cell);
  if (repaired) {
    diagnostics.push(
      diagnostic(
        "warning",
        "SLATE_TYPE_REPAIRED",
        `${label}: the type "${cell}" is read as ${type} (the page's renderer took underscores for emphasis)`,
        origin,
      ),
    );
  }
  return type;
}

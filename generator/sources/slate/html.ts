/**
 * The built Slate page → the Slate document model, through cheerio (parse5,
 * with source locations, so that every block points at its line in the HTML
 * file). Only the page's content column is read; the navigation, search box
 * and language tabs around it are not documentation.
 */
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { getElementsByTagName, isTag } from "domutils";
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { positionAt } from "../../util/text-position.js";
import { htmlOpenTooDeep, MAX_HTML_DEPTH } from "./html-limits.js";
import type { SlateBlock, TableBlock } from "./model.js";
import { plainCode, plainText } from "./plain-text.js";

export interface HtmlRead {
  blocks: SlateBlock[];
  diagnostics: Diagnostic[];
}

export function readHtml(html: string, location: string): HtmlRead {
  const openTooDeep = htmlOpenTooDeep(html);
  if (openTooDeep !== undefined) {
    return {
      blocks: [],
      diagnostics: [
        diagnostic("error", "SLATE_TOO_DEEP", `more than ${MAX_HTML_DEPTH} elements are open here; the page was not read`, {
          file: location,
          ...positionAt(html, openTooDeep),
        }),
      ],
    };
  }
  const $ = cheerio.load(html, { sourceCodeLocationInfo: true });
  const content = $(".content").first();
  // A line break reads as a space, as in the markdown it was written in. Selected from the root: cheerio's `find` on the
  // content column checks each of its thousands of children against every other, which takes longer than the selection.
  $(".content br").replaceWith(" ");
  if (content.length === 0) {
    return {
      blocks: [],
      diagnostics: [
        diagnostic("error", "SLATE_NO_CONTENT", `the page has no Slate content column (<div class="content">)`, { file: location }),
      ],
    };
  }
  const at = (node: AnyNode): Origin => {
    const where = (node as Element).sourceCodeLocation;
    return { file: location, ...(where ? { line: where.startLine, column: where.startCol } : {}) };
  };
  const diagnostics: Diagnostic[] = [];
  const blocks = content
    .children()
    .toArray()
    .flatMap((element) => blocksOf($, element, at, diagnostics));
  return { blocks, diagnostics };
}

function blocksOf($: cheerio.CheerioAPI, element: Element, at: (node: AnyNode) => Origin, diagnostics: Diagnostic[]): SlateBlock[] {
  const tag = element.tagName.toLowerCase();
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return [{ kind: "heading", depth: Number(heading[1]), text: plainText($.text([element])), origin: at(element) }];
  switch (tag) {
    case "p":
    case "aside":
      return paragraph($, element, at(element), tag === "aside");
    case "pre":
      return [{ kind: "code", text: plainCode($.text([element])), origin: at(element) }];
    case "table":
      return [tableBlock($, element, at)];
    case "ul":
    case "ol":
      return [
        {
          kind: "list",
          ordered: tag === "ol",
          items: childElements(element, "li").map((li) => plainText($.text([li]))),
          origin: at(element),
        },
      ];
    case "blockquote":
    case "div":
      return childElements(element).flatMap((child) => blocksOf($, child, at, diagnostics));
    default: {
      const text = plainText($.text([element]));
      if (text === "") return [];
      diagnostics.push(
        diagnostic("warning", "SLATE_UNKNOWN_ELEMENT", `<${tag}> is not a part of a Slate page; read as a paragraph`, at(element)),
      );
      return [{ kind: "paragraph", text, origin: at(element) }];
    }
  }
}

function paragraph($: cheerio.CheerioAPI, element: Element, origin: Origin, aside: boolean): SlateBlock[] {
  const text = plainText($.text([element]));
  if (text === "") return [];
  const only = childElements(element);
  const attributeName = only.length === 1 && isAttributeName(only[0]!) && plainText($.text(only)) === text;
  return [{ kind: "paragraph", text, origin, ...(attributeName ? { attributeName: true } : {}), ...(aside ? { aside: true } : {}) }];
}

/** `<span class="attribute-info-name">`, in which Slate writes an attribute's name. */
function isAttributeName(element: Element): boolean {
  return element.tagName === "span" && (element.attribs["class"] ?? "").split(/\s+/).includes("attribute-info-name");
}

function tableBlock($: cheerio.CheerioAPI, table: Element, at: (node: AnyNode) => Origin): TableBlock {
  const cells = (row: Element) => childElements(row, "th", "td").map((cell) => plainText($.text([cell])));
  // Every row under the table, in document order (in its head, body and foot, or nested in a cell).
  const rows = getElementsByTagName("tr", table.children);
  const headerRow = rows.find((row) => childElements(row, "th").length > 0);
  return {
    kind: "table",
    header: headerRow === undefined ? [] : cells(headerRow),
    rows: rows
      .filter((row) => row !== headerRow)
      .map((row) => ({ cells: cells(row), origin: at(row) }))
      .filter((row) => row.cells.some((c) => c !== "")),
    origin: at(table),
  };
}

/*
 * The page's elements are walked as the tree they are (with domutils, which cheerio is built on), not through cheerio's
 * selectors: a selector is compiled at every call, and a page has thousands of rows and cells.
 */

/** The element children of `element`; only those of the given tag names, where any are given. */
function childElements(element: Element, ...names: string[]): Element[] {
  return element.children.filter((child): child is Element => isTag(child) && (names.length === 0 || names.includes(child.tagName)));
}

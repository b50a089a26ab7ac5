/**
 * The built Slate page → the Slate document model, through cheerio (parse5,
 * with source locations, so that every block points at its line in the HTML
 * file). Only the page's content column is read; the navigation, search box
 * and language tabs around it are not documentation.
 */
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { positionAt } from "../../json-text.js";
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
  const node = $(element);
  const tag = element.tagName.toLowerCase();
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return [{ kind: "heading", depth: Number(heading[1]), text: plainText(node.text()), origin: at(element) }];
  switch (tag) {
    case "p":
    case "aside":
      return paragraph($, element, at(element), tag === "aside");
    case "pre":
      return [{ kind: "code", text: plainCode(node.text()), origin: at(element) }];
    case "table":
      return [tableBlock($, element, at)];
    case "ul":
    case "ol":
      return [
        {
          kind: "list",
          ordered: tag === "ol",
          items: node
            .children("li")
            .toArray()
            .map((li) => plainText($(li).text())),
          origin: at(element),
        },
      ];
    case "blockquote":
    case "div":
      return node
        .children()
        .toArray()
        .flatMap((child) => blocksOf($, child, at, diagnostics));
    default: {
      const text = plainText(node.text());
      if (text === "") return [];
      diagnostics.push(
        diagnostic("warning", "SLATE_UNKNOWN_ELEMENT", `<${tag}> is not a part of a Slate page; read as a paragraph`, at(element)),
      );
      return [{ kind: "paragraph", text, origin: at(element) }];
    }
  }
}

function paragraph($: cheerio.CheerioAPI, element: Element, origin: Origin, aside: boolean): SlateBlock[] {
  const node = $(element);
  const text = plainText(node.text());
  if (text === "") return [];
  const only = node.children().toArray();
  const attributeName = only.length === 1 && $(only[0]!).is("span.attribute-info-name") && plainText($(only[0]!).text()) === text;
  return [{ kind: "paragraph", text, origin, ...(attributeName ? { attributeName: true } : {}), ...(aside ? { aside: true } : {}) }];
}

function tableBlock($: cheerio.CheerioAPI, table: Element, at: (node: AnyNode) => Origin): TableBlock {
  const cells = (row: Element) =>
    $(row)
      .children("th, td")
      .toArray()
      .map((cell) => plainText($(cell).text()));
  const rows = $(table).find("tr").toArray();
  const headerRow = rows.find((row) => $(row).children("th").length > 0);
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

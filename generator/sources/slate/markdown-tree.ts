/**
 * Slate markdown → the part of an mdast tree that markdown.ts reads, through
 * markdown-it: CommonMark with GFM's pipe tables, and front matter.
 *
 * markdown-it reads the docs' tables about ten times faster than micromark
 * (remark's parser), and the Slate markdown is mostly tables. Its tokens are
 * flat and carry lines, not offsets; the tree is built from them with the
 * positions markdown.ts needs: the line and column where each block starts,
 * and where a paragraph or list item ends (the line, and the offset a
 * paragraph's raw text is cut at).
 *
 * Of markdown-it's defaults, strikethrough is left out: Redcarpet, which built
 * the site, read `~~` as text, and so does this reader. Raw HTML is read as
 * HTML, not escaped.
 */
import MarkdownIt, { type Token } from "markdown-it";
import type {
  BlockContent,
  Code,
  Heading,
  Html,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from "mdast";
import { appendAll } from "../../util/append.js";

type Point = NonNullable<Paragraph["position"]>["start"];

const parser = new MarkdownIt("default", { html: true }).disable("strikethrough");

/** The tree of a whole file: its front matter as a `yaml` node, then its blocks. */
export function markdownTree(text: string): Root {
  const lines = new LineIndex(text);
  const front = frontMatter(text);
  // The front matter's lines are blanked, not cut: the lines after keep their numbers.
  const body = front === undefined ? text : "\n".repeat(front.lines) + text.slice(front.length);
  const tokens = parser.parse(body, {});
  const children: RootContent[] = [];
  if (front !== undefined)
    children.push({
      type: "yaml",
      value: front.value,
      position: { start: lines.point(0, 0), end: lines.point(front.lines - 1, Infinity) },
    });
  appendAll(children, new TreeBuilder(tokens, lines).blocks("end"));
  return { type: "root", children };
}

/** The inline content of one line of text (a table cell cut out by hand), as phrasing nodes. */
export function inlineTree(text: string): Root {
  return { type: "root", children: [{ type: "paragraph", children: inlinePhrasing(text) }] };
}

function inlinePhrasing(text: string): PhrasingContent[] {
  const [inline] = parser.parseInline(text, {});
  return phrasing(inline?.children ?? []);
}

/** `---` on the first line, up to the next `---` line: YAML front matter, as remark-frontmatter reads it. */
function frontMatter(text: string): { value: string; length: number; lines: number } | undefined {
  const opening = /^---[ \t]*(?:\r\n?|\n)/.exec(text);
  if (opening === null) return undefined;
  const closing = /(?:^|\r\n?|\n)---[ \t]*(?:\r\n?|\n|$)/.exec(text.slice(opening[0].length - 1));
  if (closing === null) return undefined;
  const valueEnd = opening[0].length - 1 + closing.index;
  const value = text.slice(opening[0].length, Math.max(opening[0].length, valueEnd));
  const length = valueEnd + closing[0].length;
  const lines = text.slice(0, length).split(/\r\n?|\n/).length - (/(?:\r\n?|\n)$/.test(text.slice(0, length)) ? 1 : 0);
  return { value: value.replace(/\r\n?/g, "\n"), length, lines };
}

/** Where each line starts, for points from markdown-it's line numbers (from 0). */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    const breaks = /\r\n?|\n/g;
    for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) this.starts.push(match.index + match[0].length);
  }

  /** The line's text, without its line ending. */
  line(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = this.starts[line + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next).replace(/(?:\r\n?|\n)$/, "");
  }

  /** A point on the line: at `column` (from 0), or at the end of its text where `column` is past it. */
  point(line: number, column: number): Point {
    const at = Math.min(column, this.line(line).length);
    return { line: line + 1, column: at + 1, offset: (this.starts[line] ?? this.text.length) + at };
  }

  /** Where the block on this line starts: past indentation and the `>` of quotes around it. */
  blockStart(line: number): Point {
    return this.point(line, /^[ \t>]*/.exec(this.line(line))![0].length);
  }

  /** The end of the last line in [first, end) with text on it, trailing spaces left out. */
  blockEnd(first: number, end: number): Point {
    let last = end - 1;
    while (last > first && this.line(last).trim() === "") last -= 1;
    return this.point(last, this.line(last).trimEnd().length);
  }
}

/** The blocks of markdown-it's token stream, as mdast nodes, read in one pass. */
class TreeBuilder {
  private next = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly lines: LineIndex,
  ) {}

  /** Blocks up to the token of type `close` (taken), or to the end. */
  blocks(close: string): RootContent[] {
    const nodes: RootContent[] = [];
    while (this.next < this.tokens.length) {
      const token = this.tokens[this.next++]!;
      if (token.type === close) break;
      const node = this.block(token);
      if (node !== undefined) nodes.push(node);
    }
    return nodes;
  }

  private block(token: Token): RootContent | undefined {
    const position = this.positionOf(token);
    switch (token.type) {
      case "paragraph_open": {
        const node: Paragraph = { type: "paragraph", children: this.inline(), position };
        this.next += 1; // paragraph_close
        return node;
      }
      case "heading_open": {
        const node: Heading = { type: "heading", depth: Number(token.tag.slice(1)) as Heading["depth"], children: this.inline(), position };
        this.next += 1;
        return node;
      }
      case "fence":
      case "code_block":
        return { type: "code", lang: token.info.trim() || null, value: token.content.replace(/\n$/, ""), position } satisfies Code;
      case "html_block":
        return { type: "html", value: token.content.trimEnd(), position } satisfies Html;
      case "hr":
        return { type: "thematicBreak", position };
      case "bullet_list_open":
      case "ordered_list_open": {
        const close = token.type.replace("_open", "_close");
        const items = this.blocks(close) as ListItem[];
        return { type: "list", ordered: token.type === "ordered_list_open", children: items, position } satisfies List;
      }
      case "list_item_open":
        return { type: "listItem", children: this.blocks("list_item_close") as BlockContent[], position } satisfies ListItem;
      case "blockquote_open":
        return { type: "blockquote", children: this.blocks("blockquote_close") as BlockContent[], position };
      case "table_open":
        return { type: "table", children: this.rows(), position } satisfies Table;
      default:
        return undefined; // the closing tokens of what holds no node, such as a table's head and body
    }
  }

  /** The rows of a table, up to its table_close. */
  private rows(): TableRow[] {
    const rows: TableRow[] = [];
    while (this.next < this.tokens.length) {
      const token = this.tokens[this.next++]!;
      if (token.type === "table_close") break;
      if (token.type !== "tr_open") continue;
      const cells: TableCell[] = [];
      for (let cell = this.tokens[this.next++]; cell !== undefined && cell.type !== "tr_close"; cell = this.tokens[this.next++]) {
        if (cell.type === "th_open" || cell.type === "td_open") cells.push({ type: "tableCell", children: this.inline() });
      }
      rows.push({ type: "tableRow", children: this.cellsWritten(token, cells), position: this.positionOf(token) });
    }
    return rows;
  }

  /**
   * The cells the row's line holds, as GFM's own tree has them: markdown-it
   * pads a short row with empty cells, and drops those past the header's.
   */
  private cellsWritten(row: Token, cells: TableCell[]): TableCell[] {
    if (row.map === null) return cells;
    const written = rawCells(this.lines.line(row.map[0]));
    if (written.length <= cells.length) return cells.slice(0, written.length);
    const beyond = written.slice(cells.length).map((cell): TableCell => ({ type: "tableCell", children: inlinePhrasing(cell.trim()) }));
    return [...cells, ...beyond];
  }

  /** The phrasing of the inline token that comes next. */
  private inline(): PhrasingContent[] {
    const token = this.tokens[this.next];
    if (token?.type !== "inline") return [];
    this.next += 1;
    return phrasing(token.children ?? []);
  }

  private positionOf(token: Token): { start: Point; end: Point } | undefined {
    if (token.map === null) return undefined;
    const [first, end] = token.map;
    // Indented code starts with its indentation.
    const start = token.type === "code_block" ? this.lines.point(first, 0) : this.lines.blockStart(first);
    return { start, end: this.lines.blockEnd(first, end) };
  }
}

/**
 * The text of each cell of a table row's line, split at pipes as markdown-it
 * splits them: not at an escaped one, which is a pipe in the cell's text (in
 * a code span too, as GFM has it).
 */
function rawCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.replaceAll("\\|", "|"));
}

/** markdown-it's inline tokens → phrasing nodes, links and emphasis nested. */
function phrasing(tokens: readonly Token[]): PhrasingContent[] {
  const stack: { children: PhrasingContent[] }[] = [{ children: [] }];
  const add = (node: PhrasingContent) => stack.at(-1)!.children.push(node);
  for (const token of tokens) {
    switch (token.type) {
      case "text":
        add({ type: "text", value: token.content });
        break;
      case "softbreak":
        add({ type: "text", value: "\n" });
        break;
      case "hardbreak":
        add({ type: "break" });
        break;
      case "code_inline":
        add({ type: "inlineCode", value: token.content });
        break;
      case "html_inline":
        add({ type: "html", value: token.content });
        break;
      case "image":
        add({ type: "image", url: token.attrGet("src") ?? "", alt: phrasingText(phrasing(token.children ?? [])) });
        break;
      case "link_open":
      case "em_open":
      case "strong_open":
        stack.push({ children: [] });
        break;
      case "link_close":
      case "em_close":
      case "strong_close": {
        const { children } = stack.length > 1 ? stack.pop()! : { children: [] };
        if (token.type === "link_close") add({ type: "link", url: "", children });
        else add({ type: token.type === "em_close" ? "emphasis" : "strong", children });
        break;
      }
      default:
        break;
    }
  }
  while (stack.length > 1) appendAll(stack.at(-2)!.children, stack.pop()!.children);
  return stack[0]!.children;
}

/** An image's alt text: the text of what its brackets hold. */
function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes.map((node) => ("value" in node ? node.value : "children" in node ? phrasingText(node.children) : "")).join("");
}

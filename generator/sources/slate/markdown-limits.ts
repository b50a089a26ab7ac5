/**
 * What markdown the readers do not parse: text whose parse by micromark (the
 * portal-page reader's parser) would take minutes or overflow the stack,
 * though no page of the docs comes near. The Slate reader's markdown-it reads
 * such text quickly, but the Slate reader refuses it too: both readers take
 * the same markdown as documentation, and text past these limits is damage.
 * Each limit is checked by a scan that reads every character once.
 */

/**
 * The deepest a line may open a block container (a `>` quote, a list item):
 * by the markers before it on the line, and by its indentation, which nests it
 * in the list items of the lines above. The docs' lines open one at most, two
 * deep; the parser's time grows with the square of the nesting (minutes for a
 * line of 20,000 `1. `, 37 s for a thousand lines each indented two columns
 * past the one above), and the walks over the tree recurse.
 */
export const MAX_MARKDOWN_NESTING = 32;

/**
 * The parser's time also grows with the square of the delimiters (`*`, `_`,
 * `~`, `[`, `]`) in one paragraph: twenty seconds for a paragraph of 30,000
 * `a~`. Squared and summed over a file's paragraphs (the text between blank
 * lines, code included), the docs reach 83,000; a file past this is not parsed.
 */
export const MAX_DELIMITER_WORK = 10_000_000;

/**
 * The most lines holding a `|` (a table's rows, counted generously) a file may
 * have. The parser of saved portal pages takes about 0.2 ms a row (20 s for a
 * table of 100,000); the docs' files hold 1,080 such lines at most.
 */
export const MAX_TABLE_LINES = 10_000;

/** Why the parser must not be given the text, and the line (from 1) that says so; undefined when it may. */
export function tooHeavyToParse(text: string): { code: string; problem: string; line: number } | undefined {
  const lines = text.split(/\r\n?|\n/);
  let work = 0;
  let tableLines = 0;
  let paragraph = { line: 1, delimiters: 0 };
  for (let i = 0; i <= lines.length; i += 1) {
    const line = lines[i];
    if (line?.includes("|")) tableLines += 1;
    if (tableLines > MAX_TABLE_LINES) {
      return {
        code: "SLATE_TOO_COMPLEX",
        problem: `line ${i + 1} is the file's ${tableLines}th line of a table (with a \`|\`), more than the parser can read in reasonable time`,
        line: i + 1,
      };
    }
    if (line !== undefined && containerDepth(line) > MAX_MARKDOWN_NESTING) {
      return {
        code: "SLATE_TOO_DEEP",
        problem: `line ${i + 1} opens a quote or list item more than ${MAX_MARKDOWN_NESTING} deep`,
        line: i + 1,
      };
    }
    if (line === undefined || line.trim() === "") {
      work += paragraph.delimiters ** 2;
      if (work > MAX_DELIMITER_WORK) {
        const problem = `the paragraphs up to line ${paragraph.line} hold more emphasis and link delimiters (${paragraph.delimiters} in the one there) than the parser can read in reasonable time`;
        return { code: "SLATE_TOO_COMPLEX", problem, line: paragraph.line };
      }
      paragraph = { line: i + 2, delimiters: 0 };
    } else {
      paragraph.delimiters += delimiterCount(line);
    }
  }
  return undefined;
}

function delimiterCount(line: string): number {
  let count = 0;
  for (const c of line) if (c === "*" || c === "_" || c === "~" || c === "[" || c === "]") count += 1;
  return count;
}

/**
 * How deep the line's last block container may sit, counted generously: one
 * for each `>`, `-`, `*`, `+` or `1.` marker that opens it, one after another,
 * and before each marker one for every two columns of indentation (a nested
 * list item is indented at least two columns past its parent's marker). A
 * line that opens no container counts nothing, however indented.
 */
function containerDepth(line: string): number {
  let depth = 0;
  let i = 0;
  for (;;) {
    let columns = 0;
    for (; line[i] === " " || line[i] === "\t"; i += 1) columns += line[i] === "\t" ? 4 : 1;
    const width = markerWidth(line, i);
    if (width === 0) return depth;
    depth += 1 + Math.floor(columns / 2);
    i += width;
  }
}

/** The characters of the container marker at `i` (`>`, or a list marker with the space after it); 0 where there is none. */
function markerWidth(line: string, i: number): number {
  const isSpace = (c: string | undefined) => c === " " || c === "\t";
  const c = line[i];
  if (c === ">") return 1;
  if ((c === "-" || c === "*" || c === "+") && isSpace(line[i + 1])) return 2;
  let end = i;
  while (end - i < 9 && line[end] !== undefined && line[end]! >= "0" && line[end]! <= "9") end += 1;
  if (end === i || (line[end] !== "." && line[end] !== ")") || !isSpace(line[end + 1])) return 0;
  return end - i + 2;
}

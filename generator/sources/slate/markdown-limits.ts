/**
 * What markdown the readers do not parse: text whose parse by micromark (the
 * portal-page reader's parser) would take minutes or overflow the stack,
 * though no page of the docs comes near. The Slate reader's markdown-it reads
 * such text quickly, but the Slate reader refuses it too: both readers take
 * the same markdown as documentation, and text past these limits is damage.
 * Each limit is checked by a scan that reads every character once.
 */

/**
 * The most block containers (`>` quotes, list items) a line may open. The
 * docs' lines open one at most; the parser's time grows with the square of a
 * line's nesting (minutes for a line of 20,000 `1. `), and the walks over the
 * tree recurse.
 */
export const MAX_MARKDOWN_NESTING = 32;

/**
 * The parser's time also grows with the square of the delimiters (`*`, `_`,
 * `~`, `[`, `]`) in one paragraph: twenty seconds for a paragraph of 30,000
 * `a~`. Squared and summed over a file's paragraphs (the text between blank
 * lines, code included), the docs reach 83,000; a file past this is not parsed.
 */
export const MAX_DELIMITER_WORK = 10_000_000;

/** Why the parser must not be given the text, and the line (from 1) that says so; undefined when it may. */
export function tooHeavyToParse(text: string): { code: string; problem: string; line: number } | undefined {
  const lines = text.split(/\r\n?|\n/);
  let work = 0;
  let paragraph = { line: 1, delimiters: 0 };
  for (let i = 0; i <= lines.length; i += 1) {
    const line = lines[i];
    if (line !== undefined && containerMarkers(line) > MAX_MARKDOWN_NESTING) {
      return {
        code: "SLATE_TOO_DEEP",
        problem: `line ${i + 1} opens more than ${MAX_MARKDOWN_NESTING} nested quotes or list items`,
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

/** How many `>`, `-`, `*`, `+` or `1.` markers open the line, one after another (counted generously). */
function containerMarkers(line: string): number {
  let count = 0;
  let i = 0;
  const isSpace = (c: string | undefined) => c === " " || c === "\t";
  for (;;) {
    while (isSpace(line[i])) i += 1;
    const c = line[i];
    if (c === ">") {
      i += 1;
    } else if ((c === "-" || c === "*" || c === "+") && isSpace(line[i + 1])) {
      i += 2;
    } else {
      let end = i;
      while (end - i < 9 && line[end] !== undefined && line[end]! >= "0" && line[end]! <= "9") end += 1;
      if (end === i || (line[end] !== "." && line[end] !== ")") || !isSpace(line[end + 1])) return count;
      i = end + 2;
    }
    count += 1;
  }
}

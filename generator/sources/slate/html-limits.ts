/**
 * What HTML the parser (parse5, through cheerio) is not given: a page that
 * leaves so many elements open that its parse would take minutes, and whose
 * tree the recursive walks over it would overflow the stack.
 */

/**
 * The deepest a page may nest. The docs' pages nest 9 elements deep. The
 * parser's time grows with the square of the elements left open (a second
 * for 12,000 `<div>`), and the walks over the tree (cheerio's text, the
 * blocks) recurse: a page nested thousands deep would hang or overflow.
 */
export const MAX_HTML_DEPTH = 100;

/** Elements that have no end tag, and elements whose content is text, not tags. */
const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "title"]);

/**
 * Where the elements not yet ended first number more than `limit`, by a scan
 * of the text that looks at each character once, before any parser: a start
 * tag opens an element, an end tag closes the innermost of that name (and
 * those inside it), as a parser would; an end tag of nothing open is ignored.
 */
export function htmlOpenTooDeep(html: string, limit = MAX_HTML_DEPTH): number | undefined {
  const open: string[] = [];
  let close = -1;
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    // The next ">" is looked for again only once passed, so that "<<<<..." costs no more than its length.
    if (close < i) close = html.indexOf(">", i);
    if (close === -1) return undefined;
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(i, Math.min(close + 1, i + 64)));
    if (tag === null) continue; // a comment, a doctype, a stray "<"
    const name = tag[2]!.toLowerCase();
    if (tag[1] === "/") {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
    } else if (!VOID_ELEMENTS.has(name) && html[close - 1] !== "/") {
      open.push(name);
      if (open.length > limit) return i;
    }
    i = close;
    if (tag[1] === "" && RAW_TEXT_ELEMENTS.has(name)) {
      const end = new RegExp(`</${name}`, "ig");
      end.lastIndex = close;
      const found = end.exec(html);
      if (found === null) return undefined;
      i = found.index - 1;
    }
  }
  return undefined;
}

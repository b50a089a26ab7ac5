/**
 * TypeScript source text from names and prose in the docs: string literals,
 * property keys and doc comment lines that nothing in the docs can break out of.
 */

/** A string literal; U+2028 and U+2029 are escaped too, for tools that predate ES2019. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A property key in a type: bare when it is a plain identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name);
}

export interface DocTag {
  /** The tag's name, without `@` (`deprecated`). */
  name: string;
  text?: string;
}

/**
 * The lines of a doc comment from paragraphs of prose and tags (none when
 * there is nothing to say); the `jsdoc` partial frames them. Every line
 * terminator becomes a line of its own (U+2028 would end a line inside the
 * comment for some tools and not others), control characters go, `*\/`
 * cannot close the comment early, and no word of prose can start a tag of its
 * own (TypeScript reads `@name` after any whitespace as a tag).
 */
export function docLines(paragraphs: readonly (string | undefined)[], tags: readonly DocTag[] = []): string[] {
  const body = paragraphs
    .filter((p): p is string => p !== undefined && p.trim() !== "")
    .map((p) => cleanProse(p).trim())
    .join("\n\n");
  const tagLines = tags.map((t) => `@${t.name}${t.text === undefined || t.text.trim() === "" ? "" : ` ${cleanProse(t.text).trim()}`}`);
  return [...(body === "" ? [] : body.split("\n")), ...tagLines.flatMap((t) => t.split("\n"))];
}

/**
 * A Markdown link to an anchor of the docs' own page (`[File Uploads](#file-uploads)`)
 * leads nowhere from an editor: its text stays, the link goes. Absolute links stay whole.
 */
// Neither part may run over a bracket or parenthesis: every attempt then stops at the next link, and matching stays linear.
const IN_PAGE_LINK = /\[([^[\]\n]*)\]\(#[^()[\]\s]*\)/g;

function cleanProse(text: string): string {
  return text
    .replace(IN_PAGE_LINK, "$1")
    .replace(/\r\n?|[\u2028\u2029\u0085\u000b\u000c]/g, "\n")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, "")
    .replace(/\t/g, "  ")
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((line) => line.trimEnd().replace(/(^|\s)@/g, "$1\\@"))
    .join("\n");
}

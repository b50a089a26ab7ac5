/**
 * Text made safe to print on a terminal. A diagnostic quotes names and
 * phrases from the docs, and an error quotes what a server or a file said:
 * any of them may hold an escape sequence (which moves the cursor, retitles
 * the window or rewrites what was printed), a carriage return (which hides
 * the line before it), or a Unicode direction override (which shows a line in
 * an order other than the one it has). Each such character is written as a
 * `\uXXXX` escape instead, so the line shows what the text holds.
 */

/** C0 controls, DEL, C1 controls, and the marks, embeddings, overrides and isolates of bidirectional text. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, leaving line feeds and tabs: for a message of several lines. */
const UNPRINTABLE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One line: every control and direction character escaped, line feeds and tabs included. */
export function printableLine(text: string): string {
  return text.replace(UNPRINTABLE, escaped);
}

/** Lines: the same, with line feeds and tabs kept. */
export function printableLines(text: string): string {
  return text.replace(UNPRINTABLE_IN_LINES, escaped);
}

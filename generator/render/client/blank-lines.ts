/**
 * The blank lines of a rendered client file as prettier leaves them: at most
 * one between two statements or members, none at the start or end of a block
 * (after `{`, before `}`) or of the file. The templates give every block its
 * blank line after it and leave out nothing conditionally, which is simpler
 * to read than whitespace control; this tidies the doubled ones that leaves.
 * It runs on the client's own code, where no line of a string or comment is
 * blank.
 */
export function tidyBlankLines(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  let blank = false;
  for (const current of lines) {
    if (current.trim() === "") {
      blank = true;
      continue;
    }
    // A run of blank lines is kept as one, between two lines that are not a block's edge.
    const previous = kept.at(-1);
    if (blank && previous !== undefined && !previous.trimEnd().endsWith("{") && !current.trimStart().startsWith("}")) kept.push("");
    kept.push(current);
    blank = false;
  }
  return `${kept.join("\n")}\n`;
}

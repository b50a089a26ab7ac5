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
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i]!;
    if (current.trim() !== "") {
      kept.push(current);
      continue;
    }
    const previous = kept.at(-1);
    const next = lines.slice(i + 1).find((l) => l.trim() !== "");
    const atEdge = previous === undefined || next === undefined || previous.trim() === "";
    const inBlockEdge = previous?.trimEnd().endsWith("{") || next?.trimStart().startsWith("}");
    if (!atEdge && !inBlockEdge) kept.push("");
  }
  return `${kept.join("\n")}\n`;
}

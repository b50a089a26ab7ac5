/**
 * The one way text enters the Slate document model. Slate's renderer turned
 * the markdown's straight quotes, `--` and `...` into typographic ones, so the
 * built page and its saved text say `organization’s` where the markdown says
 * `organization's`. Writing them back the markdown's way, and collapsing
 * whitespace, makes the three renderings of one page read the same.
 */
const TYPOGRAPHY: Readonly<Record<string, string>> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2013": "--",
  "\u2014": "---",
  "\u2026": "...",
  "\u00A0": " ",
};

const TYPOGRAPHIC = /[\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A0]/g;

/** Inline text: typography undone, runs of whitespace made one space, trimmed. */
export function plainText(raw: string): string {
  return raw
    .replace(TYPOGRAPHIC, (c) => TYPOGRAPHY[c] ?? c)
    .replace(/\s+/g, " ")
    .trim();
}

/** Code: kept line by line, only trailing whitespace and surrounding blank lines removed. */
export function plainCode(raw: string): string {
  const lines = raw.split(/\r?\n/).map((line) => line.trimEnd());
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === "") start += 1;
  while (end > start && lines[end - 1] === "") end -= 1;
  return lines.slice(start, end).join("\n");
}

/**
 * Trimming a run of characters from the ends of a string. A pattern such as
 * `/\/+$/` looks like the same thing, but it retries from every character of a
 * long run that does not reach the end, so a line of a million slashes
 * followed by anything else takes quadratic time; these loops take linear time.
 */
export function trimEndOf(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

export function trimStartOf(text: string, characters: string): string {
  let start = 0;
  while (start < text.length && characters.includes(text[start]!)) start += 1;
  return text.slice(start);
}

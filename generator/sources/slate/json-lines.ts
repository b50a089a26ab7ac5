/**
 * JSON written over lines of text without markup (a saved page): where it
 * ends is where its brackets balance, blank lines inside it notwithstanding.
 */

/** Opening minus closing brackets on a line, outside strings. */
export function bracketBalance(text: string): number {
  let balance = 0;
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") balance += 1;
    else if (c === "}" || c === "]") balance -= 1;
  }
  return balance;
}

/** The index of the line on which the JSON opened on `lines[start]` closes, or undefined. */
export function jsonEnd(lines: readonly string[], start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    depth += bracketBalance(lines[i]!);
    if (depth <= 0) return i;
  }
  return undefined;
}

/**
 * Where a value of valid JSON text is, by its path, without building a tree
 * of the document. A parse tree of every value of a 20 MB document costs
 * hundreds of megabytes and seconds before the first diagnostic; here a
 * lookup walks the text along its path, and each container it passes through
 * is scanned once for where its members start, a table kept for the next
 * lookup. The readers locate every attribute of a vertex this way: 100,000
 * lookups in one array scan it once, not 100,000 times.
 *
 * The text must be valid JSON (it has been through JSON.parse). Where a
 * member has a key, its position is the key's; where the path goes further
 * than the document, the nearest existing parent answers. Of duplicate keys,
 * the first is found.
 */

interface Member {
  /** Where a diagnostic points: the key of an object member, the start of an element. */
  position: number;
  /** Where the member's value starts. */
  value: number;
}

type Table = Member[] | Map<string, Member>;

/** A function from a path to the UTF-16 offset of its value (or of its nearest existing parent). */
export function pathLocator(text: string): (path: readonly (string | number)[]) => number {
  const tables = new Map<number, Table | undefined>();
  const root = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const tableAt = (at: number): Table | undefined => {
    if (!tables.has(at)) tables.set(at, scanContainer(text, at));
    return tables.get(at);
  };
  return (path) => {
    let found = root;
    let at = root;
    for (const segment of path) {
      const table = tableAt(at);
      const member = Array.isArray(table)
        ? typeof segment === "number"
          ? table[segment]
          : undefined
        : typeof segment === "string"
          ? table?.get(segment)
          : undefined;
      if (member === undefined) return found;
      found = member.position;
      at = member.value;
    }
    return found;
  };
}

/** The members of the array or object at `at`; undefined for any other value. */
function scanContainer(text: string, at: number): Table | undefined {
  const open = text.charCodeAt(at);
  if (open === 0x5b /* [ */) {
    const elements: Member[] = [];
    let i = skipSpace(text, at + 1);
    while (i < text.length && text.charCodeAt(i) !== 0x5d /* ] */) {
      elements.push({ position: i, value: i });
      i = skipSpace(text, skipValue(text, i));
      if (text.charCodeAt(i) === 0x2c /* , */) i = skipSpace(text, i + 1);
    }
    return elements;
  }
  if (open !== 0x7b /* { */) return undefined;
  const members = new Map<string, Member>();
  let i = skipSpace(text, at + 1);
  while (text.charCodeAt(i) === 0x22 /* " */) {
    const keyStart = i;
    const keyEnd = skipString(text, i);
    const raw = text.slice(keyStart + 1, keyEnd - 1);
    const key = raw.includes("\\") ? (JSON.parse(text.slice(keyStart, keyEnd)) as string) : raw;
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    if (!members.has(key)) members.set(key, { position: keyStart, value });
    i = skipSpace(text, skipValue(text, value));
    if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
  }
  return members;
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i += 1;
  }
}

/** From an opening quote to just past the closing one (the first quote not escaped by an odd run of backslashes), or the end. */
export function skipString(text: string, at: number): number {
  for (let quote = text.indexOf('"', at + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

/** From the start of any value to just past its end. */
function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === 0x22) return skipString(text, at);
  if (first !== 0x7b && first !== 0x5b) {
    let i = at;
    for (
      let c = text.charCodeAt(i);
      i < text.length && c !== 0x2c && c !== 0x7d && c !== 0x5d && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09;
      c = text.charCodeAt(++i)
    );
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = skipString(text, i) - 1;
    else if (c === 0x7b || c === 0x5b) depth += 1;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
  }
  return text.length;
}

/** 1-based line and column of offsets in one text, from an index of its line starts built once. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

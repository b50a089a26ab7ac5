/** JSON text as it reads nested in a document that `JSON.stringify(…, null, 2)` writes. */

export const pad = (depth: number): string => "  ".repeat(depth);

/** A value's JSON text, two-space indented, as it reads at the top of a document. */
export const text = (value: unknown): string => JSON.stringify(value, null, 2);

/** A value's top-level JSON text as it reads nested `depth` levels deep. */
export const placed = (relative: string, depth: number): string => relative.replaceAll("\n", `\n${pad(depth)}`);

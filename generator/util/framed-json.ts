/**
 * JSON with its byte strings kept out. A value that holds Uint8Arrays (texts
 * already encoded, such as the entries of the parts `latest.json` is joined
 * from) is written as one line of JSON, in which each is `{"$bytes": [offset,
 * length]}`, followed by the bytes themselves, one after another. Read back,
 * each is a view of the buffer read: megabytes of text are neither escaped
 * into JSON strings nor decoded again. An object of the value with a key
 * `$bytes` is taken for a place: the values framed here have none.
 */
import type { TextPiece } from "./text-pieces.js";

export interface Framed {
  /** The value as JSON, each byte string replaced by its place in `bytes`; no line break. */
  json: string;
  bytes: Uint8Array[];
}

const NEWLINE = 0x0a;

export function frame(value: unknown): Framed {
  const bytes: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    // The value before `toJSON`: a Buffer would otherwise arrive as `{ type: "Buffer", data: [...] }`. (Its `toJSON` has still
    // run by then, at a cost that grows with its length: byte strings meant to be framed are plain Uint8Arrays, which have none.)
    const original = this[key];
    if (!(original instanceof Uint8Array)) return replaced;
    bytes.push(original);
    const place = [offset, original.length];
    offset += original.length;
    return { $bytes: place };
  });
  return { json: json ?? "null", bytes };
}

/** What a framed value is written as: its JSON line, then its bytes. */
export const framedPieces = (framed: Framed): TextPiece[] => [`${framed.json}\n`, ...framed.bytes];

/** The value framed in `data` (its whole length), or undefined where it is not one. */
export function unframe(data: Uint8Array): { value: unknown } | undefined {
  const newline = data.indexOf(NEWLINE);
  if (newline < 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(data.buffer, data.byteOffset, newline).toString("utf8"));
  } catch {
    return undefined;
  }
  const tail = data.subarray(newline + 1);
  const reached = { end: 0 };
  const revived = withBytes(value, tail, reached);
  // Every byte of the tail belongs to the value: a longer or shorter tail is not what was written.
  return revived === BROKEN || reached.end !== tail.length ? undefined : { value: revived };
}

const BROKEN = Symbol("broken");

/**
 * The parsed value with each `$bytes` place replaced by its view of `tail`, in place; `reached.end`, the furthest byte used.
 * A walk of its own: `JSON.parse`'s reviver costs several times as much on the tens of thousands of values of a part.
 */
function withBytes(value: unknown, tail: Uint8Array, reached: { end: number }): unknown {
  if (typeof value !== "object" || value === null) return value;
  const members = value as Record<string, unknown>;
  if (!Array.isArray(value) && "$bytes" in members) {
    const place = bytesPlace(members);
    if (place === undefined) return BROKEN;
    const [offset, length] = place;
    if (offset + length > tail.length) return BROKEN;
    reached.end = Math.max(reached.end, offset + length);
    // A plain view, not the Buffer `subarray` would give: framed again (a stored unit is), it costs no `toJSON`.
    return new Uint8Array(tail.buffer, tail.byteOffset + offset, length);
  }
  for (const key in members) {
    const revived = withBytes(members[key], tail, reached);
    if (revived === BROKEN) return BROKEN;
    members[key] = revived;
  }
  return value;
}

/** A `$bytes` object's offset and length, where it is one. */
function bytesPlace(members: Record<string, unknown>): [number, number] | undefined {
  const place = members.$bytes;
  const valid =
    Object.keys(members).length === 1 &&
    Array.isArray(place) &&
    place.length === 2 &&
    place.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  return valid ? (place as [number, number]) : undefined;
}

/**
 * How a damaged text is written to its file. Mostly as UTF-8, as the docs are;
 * one case in ten as a capture saved elsewhere would hold it: UTF-16 with its
 * byte order mark (a Windows shell's redirection), UTF-16 without one (which
 * reads as UTF-8 with a NUL every other character), or UTF-8 with a few bytes
 * that are not UTF-8 (an edit saved as Latin-1).
 */
import type { Random } from "./random.js";

export interface Encoding {
  name: string;
  encode(text: string, random: Random): Uint8Array;
}

const utf16le = (text: string): Buffer => Buffer.from(text, "utf16le");

export const ENCODINGS: readonly Encoding[] = [
  { name: "utf-16le", encode: (text) => Buffer.concat([Buffer.of(0xff, 0xfe), utf16le(text)]) },
  { name: "utf-16be", encode: (text) => Buffer.concat([Buffer.of(0xfe, 0xff), utf16le(text).swap16()]) },
  { name: "utf-16le-unmarked", encode: utf16le },
  {
    name: "not-utf-8",
    encode(text, random) {
      const utf8 = Buffer.from(text);
      const cuts = Array.from({ length: random.between(1, 5) }, () => random.int(utf8.length + 1)).sort((a, b) => a - b);
      const pieces = cuts.flatMap((cut, i) => [utf8.subarray(cuts[i - 1] ?? 0, cut), Buffer.of(random.between(0x80, 0xff))]);
      return Buffer.concat([...pieces, utf8.subarray(cuts.at(-1))]);
    },
  },
];

/** The encoding of one case: undefined (UTF-8) for nine in ten. */
export function chooseEncoding(random: Random): Encoding | undefined {
  return random.chance(0.1) ? random.pick(ENCODINGS) : undefined;
}

/**
 * A framed value reads back as it was written, its byte strings as views of
 * the data read; data that is not exactly a framed value reads as nothing.
 */
import { describe, expect, it } from "vitest";
import { frame, framedPieces, unframe, type Framed } from "../generator/util/framed-json.js";
import { joinPieces } from "../generator/util/text-pieces.js";

const written = (framed: Framed): Buffer => Buffer.from(joinPieces(framedPieces(framed)), "utf8");

const value = {
  app: "people",
  entries: [
    ["Person", Buffer.from('{\n  "type": "object"\n}', "utf8")],
    ["Email", new Uint8Array(Buffer.from("’ — non-ASCII", "utf8"))],
    ["Empty", new Uint8Array(0)],
  ],
  nested: { deep: [{ text: Buffer.from("deep", "utf8") }], number: 3, none: null },
};

describe("frame and unframe", () => {
  it("keeps byte strings out of the JSON line and reads them back as bytes, the rest as it was", () => {
    const framed = frame(value);
    expect(framed.json).not.toContain("Buffer");
    expect(framed.json).not.toContain("\n");
    expect(framed.bytes).toHaveLength(4);
    const read = unframe(written(framed));
    expect(read).toBeDefined();
    const back = read!.value as typeof value;
    expect(back.app).toBe("people");
    expect(back.nested.number).toBe(3);
    expect(back.nested.none).toBeNull();
    const text = (bytes: unknown) => Buffer.from(bytes as Uint8Array).toString("utf8");
    expect(back.entries.map(([key, bytes]) => [key, text(bytes)])).toEqual([
      ["Person", '{\n  "type": "object"\n}'],
      ["Email", "’ — non-ASCII"],
      ["Empty", ""],
    ]);
    expect(text(back.nested.deep[0]!.text)).toBe("deep");
  });

  it("frames a value without bytes as its JSON alone", () => {
    const framed = frame({ a: [1, "two"] });
    expect(framed).toEqual({ json: '{"a":[1,"two"]}', bytes: [] });
    expect(unframe(written(framed))?.value).toEqual({ a: [1, "two"] });
  });

  it.each([
    ["has no line break", (data: Buffer) => data.subarray(0, data.indexOf(0x0a))],
    ["lost its last byte", (data: Buffer) => data.subarray(0, -1)],
    ["has a byte too many", (data: Buffer) => Buffer.concat([data, Buffer.from("x")])],
    ["has a first line that is not JSON", (data: Buffer) => Buffer.concat([Buffer.from("{not json"), data.subarray(data.indexOf(0x0a))])],
    ["places bytes beyond its end", (data: Buffer) => Buffer.from(data.toString("utf8").replace('"$bytes":[0,', '"$bytes":[900000,'))],
    [
      "has a place that is not two whole numbers",
      (data: Buffer) => Buffer.from(data.toString("utf8").replace('"$bytes":[0,', '"$bytes":[-1,')),
    ],
    [
      "has a place with another key beside it",
      (data: Buffer) => Buffer.from(data.toString("utf8").replace('{"$bytes":', '{"other":1,"$bytes":')),
    ],
  ])("reads nothing from data that %s", (_, spoil) => {
    const data = written(frame(value));
    expect(unframe(data)).toBeDefined();
    expect(unframe(spoil(data))).toBeUndefined();
  });
});

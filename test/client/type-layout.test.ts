/**
 * The layout of single declarations, held to prettier at the edges where a
 * line starts to break: each case is built to be just under, at, or just over
 * the 100 columns, and prettier formats the same text as the oracle.
 */
import * as prettier from "prettier";
import { describe, expect, test } from "vitest";
import { PRETTIER_OPTIONS } from "../../generator/format.js";
import { tidyBlankLines } from "../../generator/render/client/blank-lines.js";
import { layoutDeclaration, layoutProperty, preferredKey, preferredString } from "../../generator/render/client/type-layout.js";
import { parseType } from "../../generator/render/client/type-syntax.js";

const prettierFormat = (source: string) => prettier.format(source, { ...PRETTIER_OPTIONS, parser: "babel-ts" });

/** Prettier's lines for one member of an interface. */
async function prettierMember(member: string): Promise<string> {
  const lines = (await prettierFormat(`interface X {\n${member}\n}\n`)).split("\n");
  return lines.slice(1, -2).join("\n");
}

/** `count` string literals of `width` characters each (quotes included). */
const literals = (count: number, width: number) => Array.from({ length: count }, (_, i) => `"${String(i).padStart(width - 2, "x")}"`);

/** Member lines whose flat form is `target` columns wide, for each shape of type. */
function membersOfWidth(target: number): string[] {
  const pad = (prefix: string, rest: number) => `${prefix}${"k".repeat(Math.max(1, rest))}`;
  const union = literals(5, 10).join(" | ");
  const object = "{ a?: string; b?: { c?: number; d?: readonly string[] } }";
  const shapes = [
    (key: string) => `  ${key}: ${union};`,
    (key: string) => `  ${key}?: readonly (${union})[];`,
    (key: string) => `  ${key}: pco.Order<${union}>;`,
    (key: string) => `  ${key}: pco.Action<${object}>;`,
    (key: string) => `  ${key}?: (Group & { location: Location | null })[] | { other?: pco.WhereText };`,
    (key: string) => `  ${key}: { group: (Group & { location: (Location & { x: X[] }) | null }) | null };`,
    (key: string) => `  ${key}: pco.WhereText | ${object};`,
    (key: string) => `  ${key}: ${object} | null;`,
    (key: string) => `  id(id: pco.Id): ${key}Record;`,
  ];
  return shapes.map((shape) => {
    const bare = shape("k");
    return shape(pad("k", target - bare.length));
  });
}

describe("interface members", () => {
  for (const width of [95, 99, 100, 101, 105, 140, 220]) {
    test(`each shape of type, ${width} columns flat`, async () => {
      for (const line of membersOfWidth(width)) {
        expect(line.length).toBe(width);
        const layout = layoutDeclaration(`export interface X {\n${line}\n}\n`).split("\n").slice(1, -2).join("\n");
        expect(layout, line).toBe(await prettierMember(line));
      }
    });
  }
});

describe("interface heads", () => {
  const name = (width: number, tail: string) => `N${"n".repeat(Math.max(1, width - "export interface N".length - tail.length))}`;
  const heads = (width: number) =>
    [
      (n: string) => `export interface ${n} extends pco.Resource {`,
      (n: string) => `export interface ${n} extends pco.Collection<${n}Def, "a" | "b"> {`,
      (n: string) => `export interface ${n} extends pco.Get<${n}Def>, pco.Delete {`,
      (n: string) => `export interface ${n} extends pco.Collection<XDef, ${literals(8, 10).join(" | ")}>, pco.GetById<XDef> {`,
      (n: string) => `export interface ${n} {`,
    ].map((shape) => shape(name(width, shape("").slice("export interface ".length))));

  for (const width of [98, 99, 100, 101, 130]) {
    test(`${width} columns flat, with a body and without`, async () => {
      for (const head of heads(width)) {
        const withBody = `${head}\n  a: string;\n}\n`;
        expect(layoutDeclaration(withBody), head).toBe(await prettierFormat(withBody));
        const empty = `${head}\n}\n`;
        expect(layoutDeclaration(empty), head).toBe(await prettierFormat(empty));
      }
    });
  }
});

describe("object literal properties", () => {
  test("a string value moves below a key of five or more columns when the line is too long", async () => {
    for (const key of ["abc", "abcd", "abcde", '"a-b"', '""', '["__proto__"]', "aVeryLongKeyIndeed"]) {
      for (const width of [99, 100, 101, 160]) {
        const value = `"${"v".repeat(Math.max(0, width - key.length - 7))}"`;
        const line = `  ${key}: ${value},`;
        const source = `const o = {\n${line}\n};\n`;
        const expected = (await prettierFormat(source)).split("\n").slice(1, -2).join("\n");
        expect(layoutProperty(line), line).toBe(expected);
      }
    }
  });
});

describe("quotes", () => {
  test("double quotes unless the text holds more of them than of single ones", () => {
    expect(preferredString('"plain"')).toBe('"plain"');
    expect(preferredString('"say \\"hi\\""')).toBe("'say \"hi\"'");
    expect(preferredString('"it\'s"')).toBe('"it\'s"');
    expect(preferredString("\"a \\\"b\\\" 'c' 'd'\"")).toBe("\"a \\\"b\\\" 'c' 'd'\"");
    expect(preferredString('"\\"it\'s\\""')).toBe("'\"it\\'s\"'");
    expect(preferredString('"line\\nbreak \\u2028"')).toBe('"line\\nbreak \\u2028"');
  });

  test("a quoted key loses its quotes only when it is a plain name", () => {
    expect(preferredKey('"first_name"')).toBe("first_name");
    expect(preferredKey('"café"')).toBe("café");
    expect(preferredKey('"first-name"')).toBe('"first-name"');
    expect(preferredKey('"1st"')).toBe('"1st"');
    expect(preferredKey("plain")).toBe("plain");
  });
});

describe("type syntax", () => {
  test("text outside the generator's grammar is refused, naming the text", () => {
    expect(() => parseType("A extends B ? C : D")).toThrow(/A extends B/);
    expect(() => parseType("{ a: string")).toThrow(/\{ a: string/);
    expect(() => parseType("`template`")).toThrow(/unexpected text/);
  });

  test("parentheses group without adding a node; readonly binds to the array", () => {
    expect(parseType('readonly ("a")[]')).toEqual({ kind: "readonly", operand: { kind: "array", element: { kind: "atom", text: '"a"' } } });
    expect(parseType("(A & B) | null")).toEqual({
      kind: "union",
      types: [
        {
          kind: "intersection",
          types: [
            { kind: "atom", text: "A" },
            { kind: "atom", text: "B" },
          ],
        },
        { kind: "atom", text: "null" },
      ],
    });
  });
});

describe("blank lines", () => {
  test("at most one between blocks, none at a block's edges or the file's", () => {
    const text = ["", "a {", "", "  b;", "", "", "  c;", "", "}", "", "", "", "d;", "", ""].join("\n");
    expect(tidyBlankLines(text)).toBe(["a {", "  b;", "", "  c;", "}", "", "d;", ""].join("\n"));
  });
});

/**
 * Names and prose from the docs turned into TypeScript: identifiers, literals
 * and doc comments, checked with the TypeScript parser itself where it decides.
 */
import ts from "typescript";
import { describe, expect, test } from "vitest";
import {
  camelIdentifier,
  NameScope,
  pascalIdentifier,
  RESERVED_MEMBERS,
  RESERVED_TYPE_NAMES,
} from "../../generator/render/client/names.js";
import { docLines, propertyKey, stringLiteral, type DocTag } from "../../generator/render/client/ts-text.js";
import { clientHandlebars, TEMPLATE_OPTIONS } from "../../generator/render/client/templates.js";
import { actionBody, assignableType, attributeType, exampleType } from "../../generator/render/client/type-expressions.js";

/** Parses `source` as a module; fails the test on any syntax error. */
function parse(source: string): ts.SourceFile {
  const file = ts.createSourceFile("probe.ts", source, ts.ScriptTarget.ES2022, true);
  const errors = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  return file;
}

describe("identifiers", () => {
  test.each([
    ["staff_only_reset_age_checks", "staffOnlyResetAgeChecks", "StaffOnlyResetAgeChecks"],
    ["PersonApp", "personApp", "PersonApp"],
    ["check-ins", "checkIns", "CheckIns"],
    ["__proto__", "proto", "Proto"],
    ["1st_place", "_1stPlace", "_1stPlace"],
    ["???", "_", "_"],
    ["café_au_lait", "caféAuLait", "CaféAuLait"],
  ])("%j → %s, %s", (wire, camel, pascal) => {
    expect([camelIdentifier(wire), pascalIdentifier(wire)]).toEqual([camel, pascal]);
    for (const name of [camel, pascal]) {
      const statement = parse(`let ${name};`).statements[0] as ts.VariableStatement;
      expect((statement.declarationList.declarations[0]!.name as ts.Identifier).text).toBe(name);
    }
  });

  test("a scope gives each name once, numbering the later claims and avoiding the reserved ones", () => {
    const scope = new NameScope(RESERVED_MEMBERS);
    expect(["firstName", "firstName", "delete", "then", "then", "constructor", "run"].map((n) => scope.claim(n))).toEqual([
      "firstName",
      "firstName2",
      "delete2",
      "then2",
      "then3",
      "constructor2",
      "run",
    ]);
  });

  test("a family of names is claimed whole: a later base avoids every derived name", () => {
    const scope = new NameScope(RESERVED_TYPE_NAMES);
    expect(scope.claimFamily("Person", ["Attributes", "Def"])).toBe("Person");
    expect(scope.claimFamily("PersonAttributes", ["Attributes", "Def"])).toBe("PersonAttributes2");
    expect(scope.claim("PersonDef")).toBe("PersonDef2");
    expect(scope.claim("Promise")).toBe("Promise2");
  });
});

describe("literals and keys", () => {
  test.each(["plain", 'quote"d', "back\\slash", "line\u2028separator", "para\u2029graph", "nul\u0000", "lone \ud800 surrogate", "*/"])(
    "%j survives as a string literal",
    (value) => {
      const literal = stringLiteral(value);
      expect(literal).not.toMatch(/[\u2028\u2029]/);
      const statement = parse(`export const x = ${literal};`).statements[0] as ts.VariableStatement;
      expect((statement.declarationList.declarations[0]!.initializer as ts.StringLiteral).text).toBe(value);
    },
  );

  test.each([
    ["first_name", "first_name"],
    ["__proto__", "__proto__"],
    ["first-name", '"first-name"'],
    ["1st", '"1st"'],
    ['quote"d', '"quote\\"d"'],
  ])("the key %j is written %s", (name, key) => {
    expect(propertyKey(name)).toBe(key);
    const member = (parse(`export interface X { ${key}: string }`).statements[0] as ts.InterfaceDeclaration).members[0]!;
    expect(ts.isIdentifier(member.name!) || ts.isStringLiteral(member.name!) ? member.name.text : undefined).toBe(name);
  });
});

describe("doc comments", () => {
  // The comment as the client writes it: the lines framed by the `jsdoc` partial.
  const docComment = async (paragraphs: readonly (string | undefined)[], tags: readonly DocTag[] = []) =>
    (await clientHandlebars())
      .compile("{{> jsdoc this}}", { ...TEMPLATE_OPTIONS })(docLines(paragraphs, tags))
      .trimEnd();
  const hostile =
    "Closes early */ export const pwned = 1; /* and\u2028a separator\r\nthen @param tags\n@deprecated not really\tand a NUL\u0000.";

  test("prose cannot end the comment, add code, or start a tag of its own", async () => {
    const comment = await docComment([hostile], [{ name: "deprecated", text: "use `other` */ instead" }]);
    const file = parse(`${comment}\nexport interface Probe {}`);

    expect(file.statements).toHaveLength(1);
    const tags = ts.getJSDocTags(file.statements[0]!);
    expect(tags.map((t) => t.tagName.text)).toEqual(["deprecated"]);
    const [jsDoc] = ts.getJSDocCommentsAndTags(file.statements[0]!) as ts.JSDoc[];
    expect(ts.getTextOfJSDocComment(jsDoc!.comment)).toBe(
      "Closes early *\\/ export const pwned = 1; /* and\na separator\nthen \\@param tags\n\\@deprecated not really  and a NUL.",
    );
    expect(comment).not.toMatch(/[\u0000\u2028\r]/);
  });

  test("one line gives a one-line comment; nothing gives none", async () => {
    expect(await docComment(["Permission: public."])).toBe("/** Permission: public. */");
    expect(await docComment([undefined, "  ", ""])).toBe("");
  });

  test("a link to an anchor of the docs' own page keeps its text and loses its target; absolute links stay", async () => {
    const text = "See [File Uploads](#file-uploads) and [the API](https://developer.planning.center/docs/#/overview).";
    expect(await docComment([text])).toBe("/** See File Uploads and [the API](https://developer.planning.center/docs/#/overview). */");
  });
});

describe("type expressions", () => {
  test.each([
    ["primary_key", "string"],
    ["string", "string | null"],
    ["integer", "number | null"],
    ["float", "number | null"],
    ["boolean", "boolean | null"],
    ["date", "string | null"],
    ["date_time", "string | null"],
    ["array", "unknown[] | null"],
    ["hash", "{ [key: string]: unknown } | null"],
    ["json", "{ [key: string]: unknown } | null"],
    ["object", "{ [key: string]: unknown } | null"],
    ["currency_abbreviation", "string | null"],
    ["repeatable_schedule", "unknown"],
    ["unknown", "unknown"],
  ] as const)("an attribute of type %s reads as %s", (type, expected) => {
    expect(attributeType({ name: "x", type })).toBe(expected);
  });

  test("an assignable name that is no attribute is a relationship's id or ids", () => {
    expect([assignableType("gender_id", undefined), assignableType("team_ids", undefined), assignableType("mystery", undefined)]).toEqual([
      "pco.Id | null",
      "readonly pco.Id[]",
      "unknown",
    ]);
  });

  test("an action's body is typed from the docs' example: optional keys, first array element, bounded depth", () => {
    const body = actionBody({
      data: {
        type: "GroupAssignCampuses",
        attributes: { campus_ids: ["1", "2"], confirm: true, "odd key": { a: { b: { c: { d: 1 } } } } },
      },
    });
    expect(body).toEqual({
      type: "GroupAssignCampuses",
      attributes: '{ campus_ids?: readonly (string)[]; confirm?: boolean; "odd key"?: { a?: { b?: { c?: unknown; }; }; }; }',
    });
    parse(`export type Body = ${body.attributes};`);
    expect(actionBody({ not: "json:api" })).toEqual({ attributes: "{ [key: string]: unknown }" });
    expect(exampleType([])).toBe("readonly unknown[]");
  });
});

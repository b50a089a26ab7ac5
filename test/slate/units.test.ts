/**
 * The small pure rules of the Slate readers, as tables of [name, { given, want }].
 */
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../generator/sources/slate/detect.js";
import { tableType, typeOfExampleValue } from "../../generator/sources/slate/example-types.js";
import { operationHeading } from "../../generator/sources/slate/headings.js";
import { plainCode, plainText } from "../../generator/sources/slate/plain-text.js";
import { snakeCase } from "../../generator/sources/slate/names.js";
import { cutRow, TABLE_SHAPES, type TableName } from "../../generator/sources/slate/table-shapes.js";

const shape = (name: TableName) => TABLE_SHAPES.find((s) => s.name === name)!;

describe("plainText undoes the page renderer's typography", () => {
  it.each([
    ["curly apostrophe", { given: "organization’s data", want: "organization's data" }],
    ["curly quotes", { given: "a “One-time guest”", want: 'a "One-time guest"' }],
    ["en dash from --", { given: "a custom field – its name", want: "a custom field -- its name" }],
    ["ellipsis", { given: "to list records…", want: "to list records..." }],
    ["whitespace runs and line breaks", { given: "  one\n  two\t three ", want: "one two three" }],
  ])("%s", (_name, { given, want }) => expect(plainText(given)).toBe(want));

  it("keeps code line by line, dropping trailing spaces and surrounding blank lines", () => {
    expect(plainCode('\n\n{\n  "a": 1   \n}\n\n')).toBe('{\n  "a": 1\n}');
  });
});

describe("detectFormat tells the rendering from the content", () => {
  it.each([
    ["markdown with front matter", { given: "---\ntitle: API\n---\n\n# Introduction\n", want: "slate-markdown" }],
    ["a markdown include", { given: "# PCO People\n\nText.\n", want: "slate-markdown" }],
    ["the built page", { given: '<!doctype html>\n<html><body><div class="content"></div></body></html>', want: "slate-html" }],
    ["the page as text", { given: "NAV\nshell\n\nIntroduction\n\nRate limiting\n\nHTTP Request\n", want: "slate-text" }],
    [
      "the page as text, with its shell comments",
      { given: "PCO Things\n\n# to list records...\ncurl -v x\n\nHTTP Request\n", want: "slate-text" },
    ],
    ["a portal page as text", { given: "API\n\nOrganization\n\nExample Object\n\n{}\n\nAttributes\n", want: "portal-page-text" }],
    ["something else", { given: "hello world\n", want: undefined }],
  ])("%s", (_name, { given, want }) => expect(detectFormat(given)).toBe(want));
});

describe("operation headings", () => {
  it.each([
    ["List Addresses", { kind: "list", noun: "Addresses" }],
    ["Get a single Workflow Step", { kind: "get", noun: "Workflow Step" }],
    ["Create a new Address", { kind: "create", noun: "Address" }],
    ["Update an existing Address", { kind: "update", noun: "Address" }],
    ["Delete a Plan", { kind: "delete", noun: "Plan" }],
    ["Delete an Address", { kind: "delete", noun: "Address" }],
    ["Associations for an Arrangement", { kind: "associations", noun: "Arrangement" }],
    ["Actions for a Plan", { kind: "actions", noun: "Plan" }],
  ])("%s", (given, want) => expect(operationHeading(given)).toEqual(want));

  it.each(["Listing", "Create an Attachment Type for each type of file", "Relationships", "List:"])("%s is not one", (given) =>
    expect(operationHeading(given)).toBeUndefined(),
  );
});

describe("example values determine the docs' own annotations only", () => {
  it.each([
    ['"string"', { given: "string", want: "string" }],
    ['"primary_key"', { given: "primary_key", want: "primary_key" }],
    ['"unknown"', { given: "unknown", want: "unknown" }],
    ["1", { given: 1, want: "integer" }],
    ["1.42", { given: 1.42, want: "float" }],
    ["true", { given: true, want: "boolean" }],
    ["a date", { given: "2000-01-01", want: "date" }],
    ["a date and time", { given: "2000-01-01T12:00:00Z", want: "date_time" }],
    ["[]", { given: [], want: "array" }],
    ["{} (hash, object or json)", { given: {}, want: undefined }],
    ["null", { given: null, want: undefined }],
    ['free text ("USD")', { given: "USD", want: undefined }],
  ])("%s", (_name, { given, want }) => expect(typeOfExampleValue(given)).toBe(want));

  it.each([
    ["an annotation", { given: "date_time", want: { type: "date_time" } }],
    ["the generator's missing annotation", { given: "graph/type_annotation/unknown_type_annotation", want: { type: "unknown" } }],
    ["underscores taken for emphasis", { given: "primarykey_", want: { type: "primary_key", repaired: true } }],
    [
      "the missing annotation, mangled",
      { given: "graph/type_annotation/unknowntype_annotation_", want: { type: "unknown", repaired: true } },
    ],
    ["something else is kept as written", { given: "decimal", want: { type: "decimal" } }],
  ])("table type: %s", (_name, { given, want }) => expect(tableType(given)).toEqual(want));
});

describe("cutRow cuts a line of a text table into the shape's cells", () => {
  it.each([
    [
      "a parameter",
      {
        table: "parameters",
        given: "order city prefix with a hyphen (-city) to reverse the order",
        want: ["order", "city", "prefix with a hyphen (-city) to reverse the order"],
      },
    ],
    [
      "a relationship without a description",
      { table: "relationships", given: "person Person false", want: ["person", "Person", "false", ""] },
    ],
    ["an attribute", { table: "attributes", given: "name string", want: ["name", "string"] }],
    ["an attribute with too many words", { table: "attributes", given: "name string extra", want: undefined }],
    ["a scope, free text first", { table: "scopes", given: "Check-ins check_ins", want: ["Check-ins", "check_ins"] }],
    [
      "a date format",
      {
        table: "dateFormats",
        given: "date and time YYYY-MM-DDTHH:MM:SSZ 2015-05-05T22:40:07Z",
        want: ["date and time", "YYYY-MM-DDTHH:MM:SSZ", "2015-05-05T22:40:07Z"],
      },
    ],
    [
      "an error with its reason phrase",
      {
        table: "errors",
        given: "500 Internal Server Error We had a problem.",
        want: ["500", "Internal Server Error", "We had a problem."],
      },
    ],
    ["an error without one", { table: "errors", given: "500 Oops We had a problem.", want: undefined }],
    ["too few words", { table: "associations", given: "people https://x", want: undefined }],
  ] as const)("%s", (_name, { table, given, want }) => expect(cutRow(given, shape(table))).toEqual(want));
});

describe("snakeCase gives the docs' resource ids", () => {
  it.each([
    ["Person", "person"],
    ["PlanPersonTime", "plan_person_time"],
    ["OrganizationStatistics", "organization_statistics"],
    ["HTTPThing", "http_thing"],
    ["Step2Thing", "step2_thing"],
  ])("%s", (given, want) => expect(snakeCase(given)).toBe(want));
});

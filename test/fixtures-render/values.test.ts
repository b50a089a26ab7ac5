/** Seeded values, one attribute at a time. */
import { describe, expect, it } from "vitest";
import { attributeValue, isoDateTime } from "../../generator/dataset/attribute-value.js";
import { documentedValues } from "../../generator/dataset/documented-values.js";
import { seededInt, seededUnit } from "../../generator/dataset/seeded.js";
import type { AttributeType } from "../../generator/spec/types.js";
import { cpuMs } from "../helpers/cpu-time.js";

describe("documentedValues", () => {
  const cases: [string, { given: { description?: string; note?: string }; want: string[] }][] = [
    ["an inline list", { given: { description: "Possible values: `hidden` or `published`" }, want: ["hidden", "published"] }],
    [
      "an inline list with commas",
      {
        given: { description: "Possible values: `registrations`, `groups`, `ical`, or `form`" },
        want: ["registrations", "groups", "ical", "form"],
      },
    ],
    [
      "a bulleted list, values with dots",
      { given: { description: "Possible values:\n- `Mr.`\n- `Mrs.`\n- `Dr.`" }, want: ["Mr.", "Mrs.", "Dr."] },
    ],
    [
      "a bulleted list with explanations and a blank line",
      {
        given: { description: "Possible values:\n- `dropdown`: a `choice` list\n- `text`: a sentence\n\n- `section_header`: no answer" },
        want: ["dropdown", "text", "section_header"],
      },
    ],
    [
      "two lists, merged",
      {
        given: { description: "Possible values:\n- `active`: active\n\n\nPossible values: `active`, `pending`, or `inactive`" },
        want: ["active", "pending", "inactive"],
      },
    ],
    [
      '"One of", stopping at the sentence\'s end',
      {
        given: { description: "One of `in_progress`, `updating`, or `committed`. The `updating` state is temporary (`x`)." },
        want: ["in_progress", "updating", "committed"],
      },
    ],
    ["a note", { given: { note: "Possible values: `barcode` or `pkpass`." }, want: ["barcode", "pkpass"] }],
    ["`null` is not a value to pick", { given: { description: "Possible values: `credit`, `null`" }, want: ["credit"] }],
    [
      "prose with code but no list",
      { given: { description: "Set `status` to `inactive` to deactivate. One of the oldest fields." }, want: [] },
    ],
    ["nothing", { given: {}, want: [] }],
  ];
  it.each(cases)("%s", (_, { given, want }) => {
    expect(documentedValues(given)).toEqual(want);
  });

  it("reads a 10 MB line in linear time", () => {
    const ms = cpuMs(() => {
      documentedValues({ description: `Possible values: ${"`a`, ".repeat(1_000_000)}` });
      documentedValues({ description: `One of ${"x".repeat(10_000_000)}` });
    });
    expect(ms).toBeLessThan(2000);
  });
});

describe("attributeValue", () => {
  const value = (type: AttributeType, example?: unknown, name = "field") => attributeValue({ name, type }, example, `test/${type}/${name}`);

  it.each([
    ["primary_key", /^[0-9]{7,8}$/],
    ["date", /^20(1[5-9]|2[0-4])-[0-9]{2}-[0-9]{2}$/],
    ["date_time", /^20(1[5-9]|2[0-4])-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$/],
  ] as const)("gives a %s as a string like %s", (type, pattern) => {
    const given = value(type, "2000-01-01");
    expect(given).toMatch(pattern);
    if (type !== "primary_key") expect(Number.isNaN(Date.parse(given as string))).toBe(false);
  });

  it("gives numbers and booleans their JSON types", () => {
    expect(Number.isInteger(value("integer", 1))).toBe(true);
    expect(typeof value("float", 1.42)).toBe("number");
    expect(typeof value("boolean", true)).toBe("boolean");
  });

  it("keeps the example of structured types, and of types the docs leave open", () => {
    expect(value("currency_abbreviation", "EUR")).toBe("EUR");
    expect(value("currency_abbreviation", "string")).toBe("USD");
    expect(value("array", ["a"])).toEqual(["a"]);
    expect(value("array", "string")).toEqual([]);
    expect(value("hash", { a: 1 })).toEqual({ a: 1 });
    expect(value("object", [])).toEqual({});
    expect(value("repeatable_schedule", { day_in_month: { day: 1 } })).toEqual({ day_in_month: { day: 1 } });
    expect(value("json", "json")).toEqual({});
    expect(value("unknown", "unknown")).toBeNull();
    expect(value("unknown")).toBeNull();
  });

  it("shapes strings by the attribute's name", () => {
    expect(value("string", "string", "email_address")).toMatch(/^[a-z]+\.[a-z]+@example\.com$/);
    expect(attributeValue({ name: "address", type: "string" }, "string", "k", "Email")).toMatch(/@example\.com$/);
    expect(attributeValue({ name: "number", type: "string" }, "string", "k", "PhoneNumber")).toMatch(/^\(555\) 555-01[0-9]{2}$/);
    expect(value("string", "string", "avatar_url")).toMatch(/^https:\/\/example\.com\/[a-z]+\/[a-z]+$/);
    expect(attributeValue({ name: "kind", type: "string", description: "Possible values: `barcode` or `pkpass`" }, "string", "k")).toMatch(
      /^(barcode|pkpass)$/,
    );
  });

  it("depends on the key alone", () => {
    expect(value("string", "string", "first_name")).toBe(value("string", "string", "first_name"));
    const names = new Set(Array.from({ length: 50 }, (_, i) => attributeValue({ name: "n", type: "string" }, undefined, `k${i}`)));
    expect(names.size).toBeGreaterThan(40);
  });
});

describe("seeded draws", () => {
  it("stay in range and spread over it", () => {
    const draws = Array.from({ length: 2000 }, (_, i) => seededInt(`k${i}`, 1, 6));
    expect(Math.min(...draws)).toBe(1);
    expect(Math.max(...draws)).toBe(6);
    for (let face = 1; face <= 6; face++) expect(draws.filter((d) => d === face).length).toBeGreaterThan(250);
    expect(seededUnit("a")).toBe(seededUnit("a"));
    expect(seededUnit("a")).not.toBe(seededUnit("b"));
  });

  it("write date-times as the docs do, in whole seconds and UTC", () => {
    expect(isoDateTime(Date.UTC(2015, 4, 5, 22, 40, 7, 999))).toBe("2015-05-05T22:40:07Z");
  });
});

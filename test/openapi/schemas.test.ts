/**
 * The component schemas: the docs' types as JSON Schema, every schema
 * compiled by ajv's 2020-12 dialect (how fixtures are checked against them),
 * and the docs' own example objects accepted by the schema of their type.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { attributeSchema, queryValueSchema } from "../../generator/render/openapi/attribute-schema.js";
import { componentValidator } from "../../generator/render/openapi/schema-validator.js";
import type { AttributeType, Spec } from "../../generator/spec/types.js";
import { allDocuments, committedSpecs, type RenderedDocument } from "./documents.js";

describe("the docs' types", () => {
  const cases: [AttributeType, object][] = [
    ["primary_key", { type: ["string", "null"] }],
    ["string", { type: ["string", "null"] }],
    ["integer", { type: ["integer", "null"] }],
    ["float", { type: ["number", "null"] }],
    ["boolean", { type: ["boolean", "null"] }],
    ["date", { type: ["string", "null"], format: "date" }],
    ["date_time", { type: ["string", "null"], format: "date-time" }],
    ["array", { type: ["array", "null"], items: {} }],
    ["hash", { type: ["object", "null"], additionalProperties: true }],
    ["json", {}],
    ["object", { type: ["object", "null"], additionalProperties: true }],
    ["currency_abbreviation", { type: ["string", "null"] }],
    ["repeatable_schedule", { type: ["object", "null"], additionalProperties: true }],
    ["unknown", {}],
  ];
  it.each(cases)("%s", (type, want) => {
    expect(attributeSchema({ name: "x", type })).toEqual({ ...want, "x-pco-type": type });
  });

  it("keeps the description, note and permission level", () => {
    expect(
      attributeSchema({ name: "x", type: "string", description: "What it is.", note: "Only with `?fields`.", permission: "editor" }),
    ).toEqual({
      type: ["string", "null"],
      description: "What it is.\n\nOnly with `?fields`.",
      "x-pco-type": "string",
      "x-pco-permission": "editor",
    });
  });

  const queries: [string, object][] = [
    ["integer", { type: "integer" }],
    ["date_time", { type: "string", format: "date-time" }],
    ["primary_key", { type: "string" }],
    ["array", { type: "string" }],
    ["a type the docs never use", { type: "string" }],
  ];
  it.each(queries)("where[...] on %s", (type, want) => {
    expect(queryValueSchema(type)).toEqual(want);
  });
});

describe("ajv (JSON Schema 2020-12, strict)", () => {
  let documents: RenderedDocument[];
  let specs: Spec[];
  beforeAll(async () => {
    documents = await allDocuments();
    specs = await committedSpecs();
  });

  it("compiles every component schema of every app's document", () => {
    // latest.json holds the same schemas under prefixed keys; it is left out to keep the test quick.
    for (const { path, document } of documents.filter((d) => !d.path.endsWith("/latest.json"))) {
      const validate = componentValidator(document);
      for (const key of Object.keys(document.components.schemas ?? {})) {
        expect(() => validate(key, null), `${path}: ${key}`).not.toThrow();
      }
    }
  });

  it("accepts the docs' example object of every resource", () => {
    let checked = 0;
    for (const spec of specs) {
      const { document } = documents.find((d) => d.path === `openapi/${spec.app}-${spec.version}.json`)!;
      const validate = componentValidator(document);
      for (const resource of spec.resources.filter((r) => r.example !== undefined)) {
        expect(validate(resource.type, resource.example), `${spec.app} ${resource.type}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  describe("a people collection", () => {
    let validate: ReturnType<typeof componentValidator>;
    beforeAll(() => {
      validate = componentValidator(documents.find((d) => d.path.startsWith("openapi/people-"))!.document);
    });
    const person = (attributes: object) => ({ type: "Person", id: "1", attributes });
    const page = (...data: object[]) => ({ data, meta: { total_count: 2, count: 1, next: { offset: 1 } }, links: { next: "https://x" } });

    it("fits, with nulls, includes and unknown members", () => {
      const email = { type: "Email", id: "2", attributes: { address: "a@example.com", primary: true } };
      const body = { ...page(person({ first_name: "Ann", birthdate: "1981-04-28", child: false, avatar: null })), included: [email] };
      expect(validate("Person.collection", body)).toEqual([]);
    });

    it("refuses wrong types, formats, resource types and includes", () => {
      expect(validate("Person.collection", page(person({ first_name: 5 })))).not.toEqual([]);
      expect(validate("Person.collection", page(person({ birthdate: "28/04/1981" })))).not.toEqual([]);
      expect(validate("Person.collection", page({ type: "Email", id: "1" }))).not.toEqual([]);
      expect(validate("Person.collection", page({ type: "Person", id: 1 }))).not.toEqual([]);
      expect(validate("Person.collection", { ...page(person({})), included: [{ type: "Event", id: "1" }] })).not.toEqual([]);
      expect(validate("Person.collection", { meta: {} })).not.toEqual([]);
    });

    it("links a relationship to the type the docs name, or to the resource its association returns", () => {
      // The docs: Person `primary_campus` targets `PrimaryCampus`; the `primary_campus` association returns a `Campus`.
      const linked = (type: string) => ({ type: "Person", id: "1", relationships: { primary_campus: { data: { type, id: "2" } } } });
      expect(validate("Person", linked("PrimaryCampus"))).toEqual([]);
      expect(validate("Person", linked("Campus"))).toEqual([]);
      expect(validate("Person", linked("Email"))).not.toEqual([]);
      expect(validate("Person", { ...linked("Campus"), relationships: { primary_campus: { data: null } } })).toEqual([]);
    });

    it("takes only assignable attributes, and the type, in a create body", () => {
      expect(validate("Person.create", { data: { type: "Person", attributes: { first_name: "Ann" } } })).toEqual([]);
      expect(validate("Person.create", { data: { attributes: { first_name: "Ann" } } })).not.toEqual([]);
      expect(validate("Person.create", { data: { type: "Person", attributes: { created_at: "2000-01-01T00:00:00Z" } } })).not.toEqual([]);
    });

    it("describes errors as JSON:API error documents", () => {
      expect(
        validate("JsonApi.ErrorDocument", { errors: [{ code: "429", detail: "Rate limit exceeded: 118 of 100 requests per 20 seconds" }] }),
      ).toEqual([]);
      expect(validate("JsonApi.ErrorDocument", { errors: "none" })).not.toEqual([]);
    });
  });
});

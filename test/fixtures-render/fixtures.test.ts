/**
 * The fixtures of every committed spec: where they are, that they are JSON:API
 * documents as Planning Center returns them, that every record fits the docs'
 * own attribute types (checked with ajv against schemas written here from the
 * docs' type list, not from the renderer), and that they are byte-identical on
 * every run.
 */
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import pluralize from "pluralize";
import { beforeAll, describe, expect, it } from "vitest";
import type { OutputFile } from "../../generator/emit.js";
import { fixturesRenderer } from "../../generator/render/fixtures/renderer.js";
import type { AttributeType, Resource, Spec } from "../../generator/spec/types.js";
import { committedSpecs } from "./committed-specs.js";

/** What the docs' annotations promise for a value (the docs' "Dates & Times": YYYY-MM-DD and YYYY-MM-DDTHH:MM:SSZ). */
const TYPE_SCHEMAS: Record<AttributeType, object> = {
  primary_key: { type: "string", pattern: "^[0-9]+$" },
  string: { type: "string" },
  integer: { type: "integer" },
  float: { type: "number" },
  boolean: { type: "boolean" },
  date: { type: "string", format: "date", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
  date_time: { type: "string", format: "date-time", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$" },
  array: { type: "array" },
  hash: { type: "object" },
  object: { type: "object" },
  json: {},
  currency_abbreviation: { type: "string", pattern: "^[A-Z]{3}$" },
  repeatable_schedule: {},
  unknown: {},
};

const LINKAGE = {
  type: "object",
  required: ["type", "id"],
  properties: { type: { type: "string" }, id: { type: "string" } },
  additionalProperties: false,
};

function recordSchema(resource: Resource): object {
  const attributes = resource.attributes.filter((a) => a.name !== "id");
  return {
    type: "object",
    required: ["type", "id", "attributes", "relationships"],
    properties: {
      type: { const: resource.type },
      id: { type: "string", pattern: "^[0-9]+$" },
      attributes: {
        type: "object",
        required: attributes.map((a) => a.name),
        properties: Object.fromEntries(attributes.map((a) => [a.name, TYPE_SCHEMAS[a.type]])),
        additionalProperties: false,
      },
      relationships: {
        type: "object",
        required: resource.relationships.map((r) => r.name),
        properties: Object.fromEntries(
          resource.relationships.map((r) => [
            r.name,
            {
              type: "object",
              required: ["data"],
              properties: { data: r.toMany ? { type: "array", items: LINKAGE } : { anyOf: [{ type: "null" }, LINKAGE] } },
            },
          ]),
        ),
        // An included document adds a relationship per include.
        additionalProperties: {
          type: "object",
          required: ["data"],
          properties: { data: { anyOf: [{ type: "null" }, LINKAGE, { type: "array", items: LINKAGE }] } },
        },
      },
      links: { type: "object", required: ["self"], properties: { self: { type: "string", format: "uri" } } },
    },
    additionalProperties: false,
  };
}

type Json = Record<string, any>;
const STATUSES = ["401", "403", "404", "422", "429"];

let specs: Spec[];
let files: Map<string, string>;
const parsed = (path: string): Json => JSON.parse(files.get(path)!) as Json;
const folderOf = (spec: Spec) => `fixtures/${spec.app}/${spec.version}`;

/**
 * The includes the docs list without saying where they lead: neither an
 * association nor a relationship of the resource has the include's name.
 */
function unresolvableIncludes(spec: Spec): string[] {
  return spec.resources.flatMap((r) =>
    r.query.include
      .filter((name) => !r.associations.some((a) => a.name === name) && !r.relationships.some((x) => x.name === name))
      .map((name) => `${spec.app}/${spec.version} ${r.type}.${name}`),
  );
}

let warnings: string[];

beforeAll(async () => {
  specs = await committedSpecs();
  const rendered = await fixturesRenderer.render(specs);
  warnings = rendered.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.code} ${d.file}`);
  files = new Map(rendered.value.map((f: OutputFile) => [f.path, f.contents]));
});

it("warns about exactly the includes the docs leave unresolvable, and nothing else", () => {
  const expected = specs.flatMap(unresolvableIncludes).map((key) => `FIXTURE_UNRESOLVED_INCLUDE ${key.split(" ")[0]}.json`);
  expect(warnings.sort()).toEqual(expected.sort());
});

describe("the fixtures of the committed specs", () => {
  it("have the documents of every resource, by the docs' resource id", () => {
    for (const spec of specs) {
      // A list endpoint at the path of a to-one association (a donation's `note`) returns one record, not a collection.
      const toOne = new Set(
        spec.resources.flatMap((owner) =>
          owner.associations
            .filter(
              (a) =>
                owner.relationships.find((r) => r.name === a.name)?.toMany === false ||
                (pluralize.isSingular(a.name) && !pluralize.isPlural(a.name)),
            )
            .map((a) => a.path),
        ),
      );
      for (const resource of spec.resources) {
        const stem = `${folderOf(spec)}/${resource.id}`;
        expect(files.has(`${stem}.json`), `${stem}.json`).toBe(true);
        expect(files.has(`${stem}.included.json`), `${stem}.included.json`).toBe(resource.query.include.length > 0);
        const listed = resource.endpoints.some((e) => e.operation === "list" && !toOne.has(e.path));
        if (listed) expect(files.has(`${stem}.collection.json`), `${stem}.collection.json`).toBe(true);
      }
      for (const status of STATUSES) expect(files.has(`${folderOf(spec)}/errors.${status}.json`)).toBe(true);
    }
  });

  it("are nothing but those files, and a README", () => {
    const expected = specs.reduce(
      (n, spec) => n + STATUSES.length + spec.resources.reduce((m, r) => m + 1 + (r.query.include.length > 0 ? 1 : 0), 0),
      1,
    );
    const collections = [...files.keys()].filter((f) => f.endsWith(".collection.json")).length;
    expect(files.size).toBe(expected + collections);
    expect(files.has("fixtures/README.md")).toBe(true);
  });

  it("are JSON with a 2-space indent and a final newline", () => {
    for (const [path, contents] of files) {
      if (!path.endsWith(".json")) continue;
      expect(contents, path).toBe(`${JSON.stringify(JSON.parse(contents), null, 2)}\n`);
    }
  });

  it("hold records whose every attribute and relationship fits the docs' types", () => {
    const ajv = addFormats.default(new Ajv({ allErrors: true, strict: false }), ["date", "date-time", "uri"]);
    for (const spec of specs) {
      const validators = new Map<string, ValidateFunction>(spec.resources.map((r) => [r.type, ajv.compile(recordSchema(r))]));
      for (const [path] of files) {
        if (!path.startsWith(`${folderOf(spec)}/`) || path.includes("/errors.")) continue;
        const document = parsed(path);
        const records = [...[document.data].flat(), ...document.included];
        for (const record of records) {
          const validate = validators.get(record.type)!;
          expect(validate(record) ? [] : validate.errors, `${path} ${record.type} ${record.id}`).toEqual([]);
        }
      }
    }
  });

  it('replace the docs\' placeholders ("string", 2000-01-01) with real values', () => {
    for (const [path, contents] of files) {
      expect(contents, path).not.toMatch(/"(?:string|primary_key|2000-01-01T12:00:00Z|2000-01-01)"/);
    }
  });

  it("pick the values the docs list for an attribute", () => {
    const webhooks = specs.find((s) => s.app === "webhooks")!;
    const listed = ["pending", "delivered", "failed", "skipped", "duplicated", "ignored_failed", "ignored_skipped", "ignored_duplicated"];
    expect(webhooks.resources.find((r) => r.type === "Event")!.attributes.find((a) => a.name === "status")!.description).toContain(
      listed
        .map((v) => `\`${v}\``)
        .slice(0, 2)
        .join(", "),
    );
    const events = parsed(`${folderOf(webhooks)}/event.collection.json`).data as Json[];
    for (const event of events) expect(listed).toContain(event.attributes.status);
  });

  it("give collections a first page of two records with links.next and the meta the API returns", () => {
    for (const spec of specs) {
      for (const resource of spec.resources) {
        const path = `${folderOf(spec)}/${resource.id}.collection.json`;
        if (!files.has(path)) continue;
        const document = parsed(path);
        expect(Object.keys(document), path).toEqual(["links", "data", "included", "meta"]);
        expect(document.data, path).toHaveLength(2);
        expect(document.links.self, path).toMatch(new RegExp(`^${spec.baseUrl}/[^?]+\\?per_page=2$`));
        expect(document.links.next, path).toBe(document.links.self.replace("?per_page=2", "?offset=2&per_page=2"));
        expect(document.meta.count, path).toBe(2);
        expect(document.meta.total_count, path).toBeGreaterThan(2);
        expect(document.meta.next, path).toEqual({ offset: 2 });
        expect(document.meta.can_order_by, path).toEqual(resource.query.order);
        expect(document.meta.can_query_by, path).toEqual(resource.query.where.map((w) => w.name));
        expect(document.meta.can_include, path).toEqual(resource.query.include);
        for (const record of document.data as Json[]) expect(record.type, path).toBe(resource.type);
      }
    }
  });

  it("list a resource's collection filters where its list endpoint has some", () => {
    const people = specs.find((s) => s.app === "people")!;
    const person = people.resources.find((r) => r.type === "Person")!;
    const filters = person.endpoints.find((e) => e.operation === "list")!.filters!.map((f) => f.name);
    expect(filters.length).toBeGreaterThan(0);
    expect(parsed(`${folderOf(people)}/person.collection.json`).meta.can_filter).toEqual(filters);
  });

  it("include, for each includable association, the records its linkage names (but the primary one), each once", () => {
    for (const spec of specs) {
      for (const resource of spec.resources) {
        if (resource.query.include.length === 0) continue;
        const path = `${folderOf(spec)}/${resource.id}.included.json`;
        const { data, included } = parsed(path) as { data: Json; included: Json[] };
        const key = (r: Json) => `${r.type} ${r.id}`;
        const includedKeys = included.map(key);
        expect(new Set(includedKeys).size, path).toBe(includedKeys.length);
        // An include the docs leave unresolvable is warned about (above) and left out.
        const unresolvable = new Set(unresolvableIncludes({ ...spec, resources: [resource] }).map((k) => k.split(".").pop()));
        const linked = resource.query.include
          .filter((name) => !unresolvable.has(name))
          .flatMap((name) => {
            expect(data.relationships, `${path} ${name}`).toHaveProperty(name);
            return [data.relationships[name].data].flat().filter((l: unknown) => l !== null) as Json[];
          });
        // JSON:API: a record in the primary data is not repeated in `included`.
        expect(new Set(linked.map(key).filter((k) => k !== key(data))), path).toEqual(new Set(includedKeys));
        // A resource whose includes the docs all leave unresolvable (check-ins PreCheck: the official document
        // gives it no relationships) has nothing to include; every other one includes records.
        if (resource.query.include.some((name) => !unresolvable.has(name))) expect(included.length, path).toBeGreaterThan(0);
        else expect(included, path).toEqual([]);
      }
    }
  });

  it("hold single documents with the record's own URL, included and meta", () => {
    const people = specs.find((s) => s.app === "people")!;
    const email = parsed(`${folderOf(people)}/email.json`);
    expect(Object.keys(email)).toEqual(["data", "included", "meta"]);
    expect(email.data.links.self).toBe(`${people.baseUrl}/people/v2/emails/${email.data.id}`);
    expect(email.included).toEqual([]);
    expect(email.meta.parent.type).toBe("Organization");
  });

  it("hold JSON:API error documents for 401, 403, 404, 422 and 429", () => {
    for (const spec of specs) {
      for (const status of STATUSES) {
        const { errors } = parsed(`${folderOf(spec)}/errors.${status}.json`) as { errors: Json[] };
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) {
          expect(error.status).toBe(status);
          expect(typeof error.title).toBe("string");
          expect(typeof error.detail).toBe("string");
        }
      }
      // The docs' rate-limiting section: "Rate limit exceeded: 118 of 100 requests per 20 seconds".
      expect(parsed(`${folderOf(spec)}/errors.429.json`).errors[0].detail).toBe("Rate limit exceeded: 101 of 100 requests per 20 seconds");
      expect(parsed(`${folderOf(spec)}/errors.422.json`).errors[0].source.pointer).toMatch(/^\/data\/attributes\/[a-z_]+$/);
    }
  });

  it("are the same bytes on every run, whatever order the specs come in", async () => {
    const again = await fixturesRenderer.render([...specs].reverse());
    const sorted = (list: OutputFile[]) => [...list].sort((a, b) => (a.path < b.path ? -1 : 1));
    const first = sorted([...files].map(([path, contents]) => ({ path, contents })));
    expect(sorted(again.value).filter((f) => f.path !== "fixtures/README.md")).toEqual(
      first.filter((f) => f.path !== "fixtures/README.md"),
    );
  });
});

/**
 * The renderer's output: its files, their determinism, and what surrounds the
 * paths (servers, security, rate-limit headers, paging and query parameters),
 * checked against the specs and the docs' API-wide facts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { OpenApiDocument, Parameter, Response } from "../../generator/render/openapi/model.js";
import { openApiRenderer } from "../../generator/render/openapi/openapi-renderer.js";
import { renderers } from "../../generator/render/registry.js";
import { DOCUMENTED_API_FACTS } from "../../generator/spec/api-facts.js";
import { latestDatedPerApp } from "../../generator/spec/load.js";
import type { Resource, Spec } from "../../generator/spec/types.js";
import { committedSpecs, operationsOf, render, resolve, type RenderedDocument } from "./documents.js";

let specs: Spec[];
let documents: RenderedDocument[];
beforeAll(async () => {
  specs = await committedSpecs();
  documents = await render(specs);
});
const documentOf = (app: string) => documents.find((d) => d.path.startsWith(`openapi/${app}-`))!.document;

describe("files", () => {
  it("writes one document per spec and the combined one, under openapi/", () => {
    expect(documents.map((d) => d.path).sort()).toEqual(
      [...specs.map((s) => `openapi/${s.app}-${s.version}.json`), "openapi/latest.json"].sort(),
    );
    for (const d of documents) {
      expect(d.text.endsWith("}\n")).toBe(true);
      expect(d.text).not.toContain("\r");
      expect(d.text).toBe(`${JSON.stringify(d.document, null, 2)}\n`);
    }
  });

  it("is one of the renderers generate runs", () => {
    expect(renderers).toContain(openApiRenderer);
  });

  it("gives the same bytes for the same specs in any order", async () => {
    const shuffled = [...specs].reverse().map((spec) => ({ ...spec, resources: [...spec.resources].reverse().map(reverseLists) }));
    const again = await openApiRenderer.render(shuffled);
    const byPath = new Map(again.value.map((f) => [f.path, f.contents]));
    for (const d of documents) expect(byPath.get(d.path) === d.text, d.path).toBe(true);
  });
});

function reverseLists(resource: Resource): Resource {
  return {
    ...resource,
    attributes: [...resource.attributes].reverse(),
    relationships: [...resource.relationships].reverse(),
    associations: [...resource.associations].reverse(),
    actions: [...resource.actions].reverse(),
    endpoints: [...resource.endpoints].reverse(),
    query: {
      ...resource.query,
      where: [...resource.query.where].reverse(),
      order: [...resource.query.order].reverse(),
      include: [...resource.query.include].reverse(),
    },
  };
}

describe("around the paths", () => {
  it("names the API version, the server and the app", () => {
    for (const spec of specs) {
      const { info, servers } = documents.find((d) => d.path === `openapi/${spec.app}-${spec.version}.json`)!.document;
      expect(info.version).toBe(spec.version);
      expect(info.title).toBe(spec.title);
      expect(servers).toEqual([{ url: spec.baseUrl }]);
    }
  });

  it("offers HTTP Basic and OAuth 2 with the docs' URLs, and asks for the app's scope", () => {
    const { oauth2 } = DOCUMENTED_API_FACTS.auth!;
    const document = documentOf("check-ins");
    expect(document.components.securitySchemes).toEqual({
      oauth2: {
        type: "oauth2",
        description: expect.stringContaining("2 hours"),
        flows: {
          authorizationCode: {
            authorizationUrl: oauth2!.authorizeUrl,
            tokenUrl: oauth2!.tokenUrl,
            scopes: { check_ins: "Access to Check-ins." },
          },
        },
      },
      personalAccessToken: {
        type: "http",
        scheme: "basic",
        description: expect.stringContaining(DOCUMENTED_API_FACTS.auth!.personalAccessToken!.applicationsUrl),
      },
    });
    expect(document.security).toEqual([{ personalAccessToken: [] }, { oauth2: ["check_ins"] }]);
  });

  it("puts the rate-limit headers on every response, and Retry-After on the 429", () => {
    const { headers } = DOCUMENTED_API_FACTS.rateLimit!;
    for (const { path, document } of documents) {
      for (const { key, operation } of operationsOf(document)) {
        for (const [status, value] of Object.entries(operation.responses)) {
          const response = resolve<Response>(document, value);
          const names = Object.keys(response.headers ?? {});
          expect(names, `${path} ${key} ${status}`).toEqual(expect.arrayContaining([headers.limit, headers.period, headers.count]));
          if (status === "429") expect(names).toContain(headers.retryAfter);
        }
        expect(Object.keys(operation.responses), `${path} ${key}`).toEqual(expect.arrayContaining(["401", "403", "429"]));
      }
    }
  });
});

describe("the combined document", () => {
  let combined: OpenApiDocument;
  beforeAll(() => {
    combined = documents.find((d) => d.path === "openapi/latest.json")!.document;
  });

  it("prefixes each app's components and tags with the app, and groups its tags", () => {
    expect(combined.components.schemas!["people.Person"]).toBeDefined();
    expect(combined.components.schemas!["services.Person"]).toBeDefined();
    expect(combined.paths["/people/v2/people"]!.get!.tags).toEqual(["people.Person"]);
    const groups = combined["x-tagGroups"] as { name: string; tags: string[] }[];
    expect(groups.map((g) => g.name)).toEqual(latestDatedPerApp(specs).map((s) => s.title));
  });

  it("asks each operation for its own app's scope", () => {
    expect(combined.security).toBeUndefined();
    expect(combined.paths["/check-ins/v2/events"]!.get!.security).toEqual([{ personalAccessToken: [] }, { oauth2: ["check_ins"] }]);
    const scopes = combined.components.securitySchemes!.oauth2!.flows!.authorizationCode.scopes;
    expect(Object.keys(scopes)).toEqual([...new Set(latestDatedPerApp(specs).map((s) => s.app.replace(/-/g, "_")))].sort());
  });
});

describe("query parameters of a list", () => {
  let person: Resource;
  let parameters: Parameter[];
  beforeAll(() => {
    person = specs.find((s) => s.app === "people")!.resources.find((r) => r.type === "Person")!;
    const document = documentOf("people");
    parameters = document.paths["/people/v2/people"]!.get!.parameters!.map((p) => resolve<Parameter>(document, p));
  });
  const named = (name: string) => parameters.find((p) => p.name === name);

  it("queries every documented where attribute, and dates, times and numbers by comparison", () => {
    for (const where of person.query.where) expect(named(`where[${where.name}]`), where.name).toBeDefined();
    const ordered = person.query.where.filter((w) => ["date", "date_time", "integer", "float"].includes(w.type));
    expect(ordered.length).toBeGreaterThan(0);
    for (const where of ordered) {
      for (const c of ["gt", "gte", "lt", "lte"]) expect(named(`where[${where.name}][${c}]`), `${where.name} ${c}`).toBeDefined();
    }
    expect(named("where[first_name][gt]")).toBeUndefined();
    expect(parameters.filter((p) => p.name.startsWith("where["))).toHaveLength(person.query.where.length + 4 * ordered.length);
  });

  it("orders by each documented attribute, either way", () => {
    const values = named("order")!.schema.enum as string[];
    expect(values).toHaveLength(2 * person.query.order.length);
    for (const name of person.query.order) expect(values).toEqual(expect.arrayContaining([name, `-${name}`]));
  });

  it("includes, filters and pages as the docs say", () => {
    expect(named("include")).toMatchObject({
      style: "form",
      explode: false,
      schema: { items: { enum: [...person.query.include].sort() } },
    });
    const filters = person.endpoints.find((e) => e.operation === "list")!.filters!.map((f) => f.name);
    expect(named("filter")!.schema).toEqual({ type: "array", items: { type: "string", enum: [...filters].sort() } });
    expect(named("per_page")!.schema).toEqual({
      type: "integer",
      minimum: person.query.perPage!.min,
      maximum: person.query.perPage!.max,
      default: person.query.perPage!.default,
    });
    expect(named("offset")!.schema).toEqual({ type: "integer", minimum: 0 });
    expect(named("fields[Person]")!.schema.items).toMatchObject({ enum: expect.arrayContaining(["first_name", "birthdate"]) });
    expect(named("fields[Email]")).toBeDefined();
  });
});

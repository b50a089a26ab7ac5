/**
 * The mapping of one document, rule by rule, on small hand-written documents:
 * query parameter names, attribute types, and what cannot be mapped, which is
 * always a diagnostic at its JSON pointer.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GeneratorError } from "../../generator/diagnostics.js";
import { mapSchemaType } from "../../generator/sources/openapi/attribute-type.js";
import { mapOpenApiDocument } from "../../generator/sources/openapi/map-document.js";
import { classifyQueryParameter } from "../../generator/sources/openapi/query-parameter.js";
import { readSource } from "../../generator/sources/read-source.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { corpusPath } from "../helpers/corpus.js";

describe("query parameter names", () => {
  it.each([
    ["where[name]", { kind: "where", attribute: "name" }],
    ["where[starts_at][gte]", { kind: "where", attribute: "starts_at", operator: "gte" }],
    ["where[group][name]", { kind: "relational-where", path: ["group", "name"] }],
    ["where[location][group][name]", { kind: "relational-where", path: ["location", "group", "name"] }],
    ["where[event][starts_at][lt]", { kind: "relational-where", path: ["event", "starts_at"], operator: "lt" }],
    ["order", { kind: "order" }],
    ["include", { kind: "include" }],
    ["filter", { kind: "filter" }],
    ["fields[Group]", { kind: "fields", type: "Group" }],
    ["per_page", { kind: "per_page" }],
    ["offset", { kind: "offset" }],
    ["where[]", { kind: "other" }],
    ["where[name]x", { kind: "other" }],
    ["where[na[me]", { kind: "other" }],
    ["wherever[name]", { kind: "other" }],
    ["fields[Group][Person]", { kind: "other" }],
    ["q", { kind: "other" }],
  ])("%s", (name, want) => {
    expect(classifyQueryParameter(name)).toEqual(want);
  });
});

describe("attribute types", () => {
  it.each([
    [{ type: "string" }, "string", "openapi string"],
    [{ type: "string", format: "date-time" }, "date_time", "openapi string/date-time"],
    [{ type: "string", format: "date" }, "date", "openapi string/date"],
    [{ type: "integer" }, "integer", "openapi integer"],
    [{ type: "number", format: "double" }, "float", "openapi number/double"],
    [{ type: "boolean" }, "boolean", "openapi boolean"],
    [{ type: "array", items: {} }, "array", "openapi array"],
    [{ type: "object" }, "hash", "openapi object"],
    [{}, "unknown", "openapi (no type)"],
  ])("%j → %s", (schema, type, mappedFrom) => {
    expect(mapSchemaType(schema)).toMatchObject({ type, mappedFrom });
  });
});

/** The smallest document of the official shape: one resource, listed and updated. */
function widgetDocument(extra: { parameter?: object; attribute?: object; method?: string } = {}) {
  return {
    openapi: "3.1.1",
    info: { title: "Widgets", version: "2024-01-01", "x-pco-api-version": "1.2.3" },
    servers: [{ url: "https://api.example.com/widgets/v2" }],
    paths: {
      "/widgets": {
        summary: "Widget",
        get: {
          parameters: [{ $ref: "#/components/parameters/widget_where_name" }, ...(extra.parameter ? [extra.parameter] : [])],
          responses: {
            "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/widgets_collection_envelope" } } } },
          },
        },
        ...(extra.method ? { [extra.method]: { responses: {} } } : {}),
      },
      "/widgets/{widget_id}": {
        patch: {
          requestBody: { $ref: "#/components/requestBodies/widget_resource_update" },
          responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/widgets_resource_envelope" } } } } },
        },
      },
    },
    components: {
      parameters: { widget_where_name: { name: "where[name]", in: "query", schema: { type: "string" }, description: "Filter by name" } },
      requestBodies: {
        widget_resource_update: {
          content: {
            "application/json": {
              schema: {
                properties: {
                  data: { properties: { type: { enum: ["Widget"] }, attributes: { properties: { name: { type: "string" } } } } },
                },
              },
            },
          },
        },
      },
      schemas: {
        widget_attributes: { description: "A widget.", properties: { name: { type: "string" }, ...(extra.attribute ?? {}) } },
        widget_resource: {
          properties: {
            id: { type: "string" },
            type: { type: "string", enum: ["Widget"] },
            attributes: { $ref: "#/components/schemas/widget_attributes" },
          },
        },
        widgets_collection_envelope: { properties: { data: { type: "array", items: { $ref: "#/components/schemas/widget_resource" } } } },
        widgets_resource_envelope: { properties: { data: { $ref: "#/components/schemas/widget_resource" } } },
      },
      securitySchemes: { basic: { type: "http", scheme: "basic" }, key: { type: "apiKey", in: "header", name: "x-key" } },
    },
  };
}

describe("one document", () => {
  it("gives the resource, its endpoints, its where clause, the assignable attributes and the schemes", () => {
    const { draft, diagnostics } = mapOpenApiDocument(widgetDocument(), "widgets.json");
    const widget = draft!.resources[0]!;
    expect(draft).toMatchObject({
      app: "widgets",
      version: "2024-01-01",
      baseUrl: "https://api.example.com",
      source: { format: "openapi", location: "widgets.json" },
    });
    expect(widget).toMatchObject({ type: "Widget", id: "widget", description: "A widget.", path: "/widgets/v2/widgets" });
    expect(widget.endpoints.map((e) => `${e.operation} ${e.method} ${e.path}`)).toEqual([
      "list GET /widgets/v2/widgets",
      "update PATCH /widgets/v2/widgets/{widget_id}",
    ]);
    expect(widget.query.where.map((w) => w.name)).toEqual(["name"]);
    expect(widget.permissions).toMatchObject({ create: false, update: true, destroy: false, updateAttributes: ["name"] });
    expect(draft!.security).toEqual({ personalAccessToken: true });
    // The one scheme it cannot map is reported where it is.
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "OPENAPI_UNMAPPED_SECURITY", pointer: "/components/securitySchemes/key" }),
    ]);
  });

  it("every fact names where it was read: a shared parameter its component, an endpoint its operation", () => {
    const { draft } = mapOpenApiDocument(widgetDocument(), "widgets.json");
    const widget = draft!.resources[0]!;
    expect(widget.query.where[0]!.origin).toEqual({ file: "widgets.json", pointer: "/components/parameters/widget_where_name" });
    expect(widget.endpoints.map((e) => e.origin?.pointer)).toEqual(["/paths/~1widgets/get", "/paths/~1widgets~1{widget_id}/patch"]);
    expect(widget.attributes.map((a) => a.origin?.pointer)).toEqual([
      "/components/schemas/widget_resource/properties/id",
      "/components/schemas/widget_attributes/properties/name",
    ]);
  });

  it.each([
    [
      "an unknown query parameter",
      { parameter: { name: "q", in: "query" } },
      "OPENAPI_UNMAPPED_PARAMETER",
      "/paths/~1widgets/get/parameters/1",
    ],
    [
      "a header parameter",
      { parameter: { name: "X-Trace", in: "header" } },
      "OPENAPI_UNMAPPED_PARAMETER",
      "/paths/~1widgets/get/parameters/1",
    ],
    [
      "an attribute without a type",
      { attribute: { colour: { description: "no type" } } },
      "OPENAPI_UNMAPPED_TYPE",
      "/components/schemas/widget_attributes/properties/colour",
    ],
    ["a method the spec does not know", { method: "put" }, "OPENAPI_UNMAPPED_METHOD", "/paths/~1widgets/put"],
  ])("%s is a diagnostic at its pointer, never dropped quietly", (_label, extra, code, pointer) => {
    const { diagnostics } = mapOpenApiDocument(widgetDocument(extra), "widgets.json");
    expect(diagnostics).toContainEqual(expect.objectContaining({ code, pointer, file: "widgets.json" }));
  });

  it("a path that is not a path template (dot segments, a URL, an empty segment) is skipped with a warning at it", () => {
    const document = widgetDocument();
    const item = document.paths["/widgets/{widget_id}"];
    const paths: Record<string, unknown> = document.paths;
    for (const bad of ["/widgets/../../../etc/passwd", "https://evil.example/widgets", "/widgets//x", "widgets"]) paths[bad] = item;
    const { draft, diagnostics } = mapOpenApiDocument(document, "widgets.json");
    expect(diagnostics.filter((d) => d.code === "OPENAPI_UNMAPPED_PATH").map((d) => d.pointer)).toEqual([
      "/paths/~1widgets~1..~1..~1..~1etc~1passwd",
      "/paths/https:~1~1evil.example~1widgets",
      "/paths/~1widgets~1~1x",
      "/paths/widgets",
    ]);
    expect(draft!.resources[0]!.endpoints.map((e) => e.path)).toEqual(["/widgets/v2/widgets", "/widgets/v2/widgets/{widget_id}"]);
  });

  it("a per_page whose numbers make a page size gives it; one whose numbers do not is a warning at the parameter", () => {
    const perPage = (schema: object) => ({ name: "per_page", in: "query", schema: { type: "integer", ...schema } });
    const good = mapOpenApiDocument(widgetDocument({ parameter: perPage({ minimum: 1, maximum: 100, default: 25 }) }), "w.json");
    expect(good.draft!.resources[0]!.query.perPage).toEqual({ min: 1, max: 100, default: 25 });
    expect(good.diagnostics.filter((d) => d.code === "OPENAPI_BAD_PER_PAGE")).toEqual([]);
    for (const schema of [
      { minimum: 1, maximum: 100 },
      { minimum: 50, maximum: 10, default: 25 },
      { minimum: 1, maximum: 100, default: 2.5 },
    ]) {
      const bad = mapOpenApiDocument(widgetDocument({ parameter: perPage(schema) }), "w.json");
      expect(bad.draft!.resources[0]!.query.perPage).toBeUndefined();
      expect(bad.diagnostics.filter((d) => d.code === "OPENAPI_BAD_PER_PAGE")).toEqual([
        expect.objectContaining({ severity: "warning", pointer: "/paths/~1widgets/get/parameters/1" }),
      ]);
    }
  });

  it("a document that is not PCO's is one error", () => {
    const { draft, diagnostics } = mapOpenApiDocument({ openapi: "3.1.0", servers: [{ url: "https://example.com/" }] }, "other.json");
    expect(draft).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "OPENAPI_NOT_PCO", file: "other.json" })]);
  });
});

describe("reading a file", () => {
  it("reads one document; its warnings carry their JSON pointer, an error its line and column", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "pco-openapi-file-"));
    try {
      const file = path.join(folder, "widgets.json");
      writeFileSync(file, JSON.stringify(widgetDocument({ attribute: { colour: {} } }), null, 2));
      const read = await readSource(parseSourceOperand(`openapi:${file}`), { versions: { kind: "latest" } });
      expect(read.drafts.map((d) => `${d.draft.app}/${d.draft.version}`)).toEqual(["widgets/2024-01-01"]);
      const untyped = read.drafts[0]!.diagnostics.find((d) => d.code === "OPENAPI_UNMAPPED_TYPE")!;
      expect(untyped.pointer).toBe("/components/schemas/widget_attributes/properties/colour");
      const other = path.join(folder, "other.json");
      writeFileSync(
        other,
        JSON.stringify({ openapi: "3.1.1", info: { version: "2024-01-01" }, servers: [{ url: "https://example.com/" }] }, null, 2),
      );
      const refused = await readSource(parseSourceOperand(`openapi:${other}`), { versions: { kind: "latest" } });
      // The member servers[0].url starts on line 8, column 7, of the indented text.
      expect(refused.drafts[0]!.diagnostics).toEqual([
        expect.objectContaining({ code: "OPENAPI_NOT_PCO", pointer: "/servers/0/url", line: 8, column: 7 }),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("a folder that holds no document in the served layout says which layout it expected", async () => {
    // The corpus's webhooks folder is one app's: its `v2` subfolder looks like an app name, and held none, so the read
    // found "no documentation of an app" without saying where documents go.
    const appFolder = corpusPath("openapi", "official-2026-07", "webhooks");
    const reading = readSource(parseSourceOperand(`openapi:${appFolder}`), { versions: { kind: "latest" } });
    await expect(reading).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("(expected {app}/v2/open_api/{version}.json)"),
    });
    const parent = await readSource(parseSourceOperand(`openapi:${path.dirname(appFolder)}`), {
      versions: { kind: "latest" },
      apps: ["webhooks"],
    });
    expect(parent.drafts.map((d) => `${d.draft.app}/${d.draft.version}`)).toEqual(["webhooks/2022-10-20"]);
  });

  it("a file that is not JSON fails with its position, not a stack trace", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "pco-openapi-file-"));
    try {
      const file = path.join(folder, "broken.json");
      writeFileSync(file, '{\n  "openapi": "3.1.1",\n  "info": }\n');
      const reading = readSource(parseSourceOperand(`openapi:${file}`), { versions: { kind: "latest" } });
      await expect(reading).rejects.toBeInstanceOf(GeneratorError);
      await expect(reading).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ code: "OPENAPI_INVALID_JSON", line: 3 })] });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** `document` with the value at `path` replaced: the damage a hand-edited or truncated document carries. */
function withValueAt(document: object, path: readonly string[], value: unknown): object {
  const copy = structuredClone(document) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

const problems = (document: object) =>
  mapOpenApiDocument(document, "widgets.json").diagnostics.filter((d) => d.code !== "OPENAPI_UNMAPPED_SECURITY");

describe("$refs that lead nowhere", () => {
  it.each([
    ["to nothing", "#/components/parameters/nowhere"],
    ["to another document, by URL", "https://elsewhere.example/parameters.json#/where"],
    ["to a file", "../../../../etc/passwd"],
    ["to an object's prototype", "#/components/parameters/__proto__"],
  ])("a parameter whose $ref leads %s is reported at the reference and skipped", (_case, ref) => {
    const document = widgetDocument({ parameter: { $ref: ref } });
    expect(problems(document)).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "OPENAPI_BAD_REF",
        pointer: "/paths/~1widgets/get/parameters/1",
        message: expect.stringContaining(`a parameter whose $ref ${JSON.stringify(ref)} leads nowhere`),
      }),
    ]);
    expect(mapOpenApiDocument(document, "widgets.json").draft!.resources[0]!.query.where.map((w) => w.name)).toEqual(["name"]);
  });

  it("a shared parameter that refers in a circle is reported once, where it stands, however often it is listed", () => {
    const shared = { $ref: "#/components/parameters/widget_where_name" };
    const circle = withValueAt(widgetDocument({ parameter: shared }), ["components", "parameters", "widget_where_name"], {
      $ref: "#/components/parameters/loop",
    });
    const document = withValueAt(circle, ["components", "parameters", "loop"], shared);
    const found = problems(document);
    expect(found).toEqual([expect.objectContaining({ code: "OPENAPI_BAD_REF" })]);
    // Reported at a member of the circle, the place to mend.
    expect(["/components/parameters/loop", "/components/parameters/widget_where_name"]).toContain(found[0]!.pointer);
  });

  it.each([
    [
      "a response envelope that refers to itself",
      ["components", "schemas", "widgets_collection_envelope"],
      { $ref: "#/components/schemas/widgets_collection_envelope" },
      'its 200 response\'s $ref "#/components/schemas/widgets_collection_envelope" leads nowhere',
    ],
    ["no success response", ["paths", "/widgets", "get", "responses"], { "404": {} }, "it documents no success (2xx) response"],
    [
      "a response without a data member",
      ["components", "schemas", "widgets_collection_envelope"],
      { properties: { meta: {} } },
      "its 200 response has no JSON schema with a `data` member",
    ],
  ])("a GET with %s is reported and skipped: only its response tells a list from a get", (_case, path, value, why) => {
    const document = withValueAt(widgetDocument(), path, value);
    expect(problems(document)).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "OPENAPI_UNREAD_RESPONSE",
        pointer: "/paths/~1widgets/get",
        message: expect.stringContaining(`GET /widgets: ${why}`),
      }),
    ]);
    const endpoints = mapOpenApiDocument(document, "widgets.json").draft!.resources[0]!.endpoints;
    expect(endpoints.map((e) => `${e.operation} ${e.method} ${e.path}`)).toEqual(["update PATCH /widgets/v2/widgets/{widget_id}"]);
  });
});

/**
 * The hand-written edge-case spec: what the renderer makes of names a
 * component key cannot hold, URLs described twice or inconsistently, and the
 * fields a legacy spec leaves out.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { OpenApiDocument, Parameter, Schema } from "../../generator/render/openapi/model.js";
import { openApiRenderer } from "../../generator/render/openapi/openapi-renderer.js";
import type { Diagnostic } from "../../generator/diagnostics.js";
import type { Spec } from "../../generator/spec/types.js";
import { edgeSpec, resolve } from "./documents.js";

let document: OpenApiDocument;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  const rendered = await openApiRenderer.render([edgeSpec()]);
  diagnostics = rendered.diagnostics;
  const file = rendered.value.find((f) => f.path === "openapi/edge-legacy.json");
  document = JSON.parse(file!.contents) as OpenApiDocument;
});

const schemas = () => document.components.schemas!;
const parameters = () => document.components.parameters!;

describe("names", () => {
  it("makes type names safe as component keys, and tells apart two that become the same key", () => {
    expect(Object.keys(schemas())).toContain("Odd_Type_Name_1");
    expect(schemas()["Odd_Type_Name_1"]!.properties).toMatchObject({ type: { const: "Odd Type/Name~1" } });
    expect(schemas()["Odd_Type_Name_1_2"]!.properties).toMatchObject({ type: { const: "Odd_Type_Name_1" } });
    for (const key of Object.keys(schemas())) expect(key).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it("names two lists whose URLs differ only in characters an id leaves out after their resources", () => {
    expect(document.paths["/edge/v2/a-b"]!.get!.operationId).toBe("listDashes");
    expect(document.paths["/edge/v2/a_b"]!.get!.operationId).toBe("listUnders");
  });

  it("keeps an odd where name as the parameter's name and makes its key safe", () => {
    const where = parameters()["Widget.where.odd_name_x_"]!;
    expect(where).toMatchObject({ name: "where[odd name[x]]", in: "query", schema: { type: "integer" } });
    expect(parameters()["Widget.where.odd_name_x_.gte"]!.name).toBe("where[odd name[x]][gte]");
  });
});

describe("URLs", () => {
  it("writes one template per URL shape, with a warning for the other", () => {
    expect(Object.keys(document.paths)).toContain("/edge/v2/gadgets/{gadget_id}/things");
    expect(Object.keys(document.paths)).not.toContain("/edge/v2/gadgets/{id}/things");
    expect(Object.keys(document.paths["/edge/v2/gadgets/{gadget_id}/things"]!).sort()).toEqual(["delete", "get", "parameters"]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: "OPENAPI_PATH_PARAMETER_NAMES", pointer: "/resources/2/endpoints/0" }),
    );
  });

  it("numbers a path parameter named twice", () => {
    const item = document.paths["/edge/v2/widgets/{widget_id}/links/{widget_id_2}"]!;
    expect(item.parameters!.map((p) => p.name)).toEqual(["widget_id", "widget_id_2"]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "OPENAPI_REPEATED_PATH_PARAMETER" }));
  });

  it("merges an association into the endpoint at its URL, adding its filters and words", () => {
    const list = document.paths["/edge/v2/widgets/{widget_id}/parts"]!.get!;
    expect(list.summary).toBe("List Parts");
    expect(list["x-pco-sources"]).toEqual([
      { kind: "endpoint", resource: "Part", name: "list" },
      { kind: "association", resource: "Widget", name: "parts" },
    ]);
    const filter = list.parameters!.map((p) => resolve<Parameter>(document, p)).find((p) => p.name === "filter")!;
    expect(filter.schema).toEqual({ type: "array", items: { type: "string", enum: ["broken", "new"] } });
    expect(filter["x-pco-filters"]).toEqual([{ name: "broken", description: 'Only broken <parts> & "worn" ones.' }, { name: "new" }]);
    expect(list.description).toContain("The widget's parts.");
  });

  it("merges an action into the create endpoint at its URL without a warning (they are distinct docs)", () => {
    const create = document.paths["/edge/v2/widgets/{widget_id}/parts"]!.post!;
    expect(create.responses["201"]).toEqual({ $ref: "#/components/responses/Part.created" });
    expect(create["x-pco-sources"]).toEqual([
      { kind: "endpoint", resource: "Part", name: "create" },
      { kind: "action", resource: "Widget", name: "spin" },
    ]);
    expect(diagnostics.filter((d) => d.code === "OPENAPI_SHARED_URL")).toEqual([]);
  });
});

describe("what a legacy spec leaves out", () => {
  it("lets a resource without listed assignable attributes take any documented one but its id", () => {
    const body = schemas()["Widget.create"]!;
    const attributes = ((body.properties as Schema).data as Schema).properties as Record<string, Schema>;
    expect(Object.keys(attributes.attributes!.properties as object)).toHaveLength(13);
    expect(attributes.attributes!.additionalProperties).toBeUndefined();
  });

  it("refuses attributes the docs do not list as assignable, and accepts a listed one they do not describe", () => {
    const data = ((schemas()["Part.create"]!.properties as Schema).data as Schema).properties as Record<string, Schema>;
    expect(data.attributes).toMatchObject({ additionalProperties: false });
    expect(Object.keys(data.attributes!.properties as object)).toEqual(["name", "secret_id"]);
    expect((data.attributes!.properties as Record<string, Schema>).secret_id!.type).toBeUndefined();
  });

  it("pages without documented limits by an unbounded per_page", () => {
    expect(parameters()["per_page"]!.schema).toEqual({ type: "integer", minimum: 1 });
    expect(parameters()["Part.per_page"]!.schema).toEqual({ type: "integer", minimum: 1, maximum: 50, default: 10 });
  });
});

describe("relationships, includes and deprecation", () => {
  it("types relationships by target, leaving a polymorphic one's type open", () => {
    const relationships = schemas()["Widget.relationships"]!.properties as Record<string, Schema>;
    const data = (name: string) => (relationships[name]!.properties as Record<string, Schema>).data!;
    expect(data("maker")).toMatchObject({ type: ["object", "null"], properties: { type: { const: "Maker" } } });
    expect(data("parts")).toMatchObject({ type: "array", items: { properties: { type: { const: "Part" } } } });
    expect((data("owner").properties as Record<string, Schema>).type!.type).toBe("string");
    expect(relationships.maker!["x-pco-authorization"]).toBe("public");
  });

  it("lets `included` hold the include targets, a plain resource object for those the spec does not describe", () => {
    expect(schemas()["Widget.included"]).toEqual({
      type: "array",
      items: { anyOf: [{ $ref: "#/components/schemas/JsonApi.ResourceObject" }, { $ref: "#/components/schemas/Part" }] },
    });
  });

  it("marks an operation deprecated only when everything it documents is", () => {
    expect(document.paths["/edge/v2/widgets/{widget_id}/maker"]!.get!.deprecated).toBe(true);
    expect(document.paths["/edge/v2/widgets/{widget_id}/parts/{part_id}"]!.get!.deprecated).toBe(true);
    // The Part list is also the Widget's (not deprecated) `parts` association.
    expect(document.paths["/edge/v2/widgets/{widget_id}/parts"]!.get!.deprecated).toBeUndefined();
    expect(schemas()["Part"]!.deprecated).toBe(true);
  });

  it("keeps the docs' examples, except one a linter would read as a schema", () => {
    expect(schemas()["Widget"]!.examples).toEqual([edgeSpec().resources.find((r) => r.type === "Widget")!.example]);
    expect(schemas()["Part"]!.examples).toBeUndefined();
    expect(document.paths["/edge/v2/widgets/{widget_id}/polish"]!.post!.requestBody!.content["application/vnd.api+json"]!.example).toEqual({
      data: { attributes: { shine: 3 } },
    });
  });

  it("answers an action that returns no content with a 204, and says who can run it", () => {
    const polish = document.paths["/edge/v2/widgets/{widget_id}/polish"]!.post!;
    expect(Object.keys(polish.responses)).toEqual(["204", "401", "403", "404", "422", "429"]);
    expect(polish["x-pco-can-run"]).toBe("Editors");
  });
});

describe("what the info says", () => {
  it("tells a beta version, what changed in it, and what a partial spec lacks", async () => {
    const spec = {
      ...edgeSpec(),
      beta: true,
      versionDetails: "Added widgets.",
      partial: [{ resource: "gizmo", file: "gizmo.json", missing: ["attributes"], reason: "invalid JSON" }],
    };
    const { info } = JSON.parse((await openApiRenderer.render([spec])).value[0]!.contents) as OpenApiDocument;
    expect(info["x-pco-beta"]).toBe(true);
    expect(info.description).toContain("What changed in version legacy:\n\nAdded widgets.");
    expect(info.description).toContain("- gizmo: attributes (invalid JSON)");
  });

  it("gives each path its server in a combined document of apps on different hosts", async () => {
    const edge = { ...edgeSpec(), version: "2024-01-01" };
    const other = {
      ...(JSON.parse(JSON.stringify(edge).replaceAll("/edge/v2", "/other/v2")) as Spec),
      app: "other",
      baseUrl: "https://other.example.test",
    };
    const rendered = await openApiRenderer.render([edge, other]);
    const combined = JSON.parse(rendered.value.find((f) => f.path === "openapi/latest.json")!.contents) as OpenApiDocument;
    expect(combined.servers).toBeUndefined();
    expect(combined.paths["/edge/v2/widgets"]!.servers).toEqual([{ url: "https://api.example.test" }]);
    expect(combined.paths["/other/v2/widgets"]!.servers).toEqual([{ url: "https://other.example.test" }]);
    expect(combined.info["x-pco-versions"]).toEqual({ edge: "2024-01-01", other: "2024-01-01" });
  });
});

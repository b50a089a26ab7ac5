/**
 * The cross-check of two products: the JSON:API fixtures `generate` writes
 * fit the OpenAPI documents' schemas (ajv, JSON Schema 2020-12). A fixture of
 * a type no operation returns singly or by page has no document schema; its
 * `data` and `included` are checked against their resource objects.
 */
import path from "node:path";
import { expect, it } from "vitest";
import type { OpenApiDocument } from "../../generator/render/openapi/model.js";
import { componentValidator } from "../../generator/render/openapi/schema-validator.js";
import { fixturesRenderer } from "../../generator/render/fixtures/renderer.js";
import type { Spec } from "../../generator/spec/types.js";
import { committedSpecs, render } from "./documents.js";

interface Fixture {
  data?: unknown;
  included?: { type: string }[];
}

it("accepts every fixture of every committed spec", async () => {
  const specs = await committedSpecs();
  const documents = await render(specs);
  const fixtures = (await fixturesRenderer.render(specs)).value.filter((f) => f.path.endsWith(".json"));
  let checked = 0;
  for (const spec of specs) {
    const { document } = documents.find((d) => d.path === `openapi/${spec.app}-${spec.version}.json`)!;
    const check = checker(spec, document);
    for (const file of fixtures.filter((f) => f.path.startsWith(`fixtures/${spec.app}/${spec.version}/`))) {
      expect(check(path.basename(file.path), JSON.parse(file.contents) as Fixture), file.path).toEqual([]);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(500);
});

/** `person.json`, `person.collection.json`, `person.included.json`, `errors.404.json`: the schema each should fit. */
function checker(spec: Spec, document: OpenApiDocument): (file: string, fixture: Fixture) => unknown[] {
  const validate = componentValidator(document);
  const schemas = document.components.schemas ?? {};
  return (file, fixture) => {
    const [id, kind] = file.replace(/\.json$/, "").split(".");
    if (id === "errors") return validate("JsonApi.ErrorDocument", fixture);
    const resource = spec.resources.find((r) => r.id === id);
    if (resource === undefined) return [`no resource ${id}`];
    const key = `${resource.type}.${kind === "collection" ? "collection" : "document"}`;
    if (key in schemas) return validate(key, fixture);
    const records = Array.isArray(fixture.data) ? fixture.data : [fixture.data];
    return [
      ...records.flatMap((record) => validate(resource.type, record)),
      ...(fixture.included ?? []).flatMap((record) => (record.type in schemas ? validate(record.type, record) : [])),
    ];
  };
}

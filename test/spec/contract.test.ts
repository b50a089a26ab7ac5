/**
 * The spec contract has one source, generator/spec/types.ts. The schema module
 * the generator validates with, the spec.schema.json written beside the specs
 * and the field table of docs/spec.md must be what the types derive to (`npm
 * run spec:schema` rewrites all three), and the derivation must keep what the
 * contract promises.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fieldTable, SCHEMA_JSON, schemaFromTypes, schemaJson, SPEC_DOC, withFieldTable, type JsonSchema } from "../../generator/spec/contract/derive.js";
import { specSchema } from "../../generator/spec/schema.js";
import { REPO_ROOT } from "../helpers/corpus.js";

let derived: JsonSchema;
beforeAll(() => {
  derived = schemaFromTypes(REPO_ROOT);
});

const ofTypes = "(else: npm run spec:schema)";

describe("the spec contract", () => {
  it(`generator/spec/schema.ts is the schema the types derive to ${ofTypes}`, () => {
    expect(specSchema).toEqual(derived);
  });

  it(`spec/spec.schema.json is that schema ${ofTypes}`, () => {
    expect(readFileSync(path.join(REPO_ROOT, SCHEMA_JSON), "utf8")).toBe(schemaJson(derived));
  });

  it(`docs/spec.md's field table is that schema's ${ofTypes}`, () => {
    const page = readFileSync(path.join(REPO_ROOT, SPEC_DOC), "utf8");
    expect(page).toBe(withFieldTable(page, fieldTable(derived)));
  });

  it("lists every field of every level, the nested ones by their path", () => {
    const table = fieldTable(derived);
    // Fields at each depth, from the types: a spec's, a resource's, a query's, a per-page's.
    for (const field of ["specVersion", "resources", "resources[].attributes[].type", "resources[].query.offset", "resources[].query.perPage.max", "api.auth.oauth2.scopes[].scope"]) {
      expect(table).toContain(`| \`${field}\` |`);
    }
  });

  it("keeps the constraints the JSDoc tags give: non-empty names, paths, integers, no machine paths", () => {
    const resource = (derived.properties as Record<string, JsonSchema>).resources!.items as JsonSchema;
    const props = resource.properties as Record<string, JsonSchema>;
    expect(props.type).toEqual({ type: "string", minLength: 1, description: "The JSON:API type, e.g. `Person`." });
    expect((props.query!.properties as Record<string, JsonSchema>).order).toMatchObject({ type: "array", uniqueItems: true, items: { type: "string", minLength: 1 } });
    expect(((props.query!.properties as Record<string, JsonSchema>).perPage!.properties as Record<string, JsonSchema>).max).toEqual({ type: "integer", minimum: 0 });
    expect(resource).toMatchObject({ additionalProperties: false });
    const location = ((derived.properties as Record<string, JsonSchema>).source!.properties as Record<string, JsonSchema>).location!;
    const absolute = new RegExp(((location.not as JsonSchema).pattern as string));
    expect(["/home/me/docs", "C:\\docs", "C:/docs"].every((p) => absolute.test(p))).toBe(true);
    expect(["../shared/docs", "https://api.planningcenteronline.com"].some((p) => absolute.test(p))).toBe(false);
  });
});

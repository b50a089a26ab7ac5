/**
 * What a client renders from the spec fields of the readers' repairs: a list
 * the docs give an id cursor for takes `after` (its Def says `cursor`), the
 * runtime sends it, and an attribute's inferred or repaired type is said in
 * its JSDoc and its OpenAPI description.
 */
import { expect, it } from "vitest";
import { renderClient } from "../../generator/render/client/renderer.js";
import { attributeSchema } from "../../generator/render/openapi/attribute-schema.js";
import { searchParams } from "../../templates/runtime/query.js";
import { resource, spec } from "../helpers/spec-builder.js";

const things = resource("Thing", {
  path: "/people/v2/things",
  endpoints: [{ operation: "list", method: "GET", path: "/people/v2/things" }],
  attributes: [
    { name: "id", type: "primary_key" },
    { name: "price", type: "string", typeOrigin: "inferred" },
    { name: "size", type: "integer", typeOrigin: "repaired", documentedAs: "int" },
  ],
  query: { where: [], order: [], include: [], cursor: ["after"] },
});
const others = resource("Other", { path: "/people/v2/others", endpoints: [{ operation: "list", method: "GET", path: "/people/v2/others" }] });

it("declares the cursor in the Def of a resource that documents one, and only there", async () => {
  const { value } = await renderClient(spec([things, others]));
  const types = value.map((f) => f.contents).join("\n");
  const def = (name: string) => types.slice(types.indexOf(`export interface ${name}Def {`), types.indexOf("\n}", types.indexOf(`export interface ${name}Def {`)));
  expect(def("Thing")).toContain('cursor: "after";');
  expect(def("Other")).toContain("perPage:");
  expect(def("Other")).not.toContain("cursor");
});

it("says where an inferred or repaired type came from, in the client's JSDoc and the OpenAPI description", async () => {
  const { value } = await renderClient(spec([things]));
  const types = value.map((f) => f.contents).join("\n");
  expect(types).toContain("Type inferred from the docs' example value (`string`); the docs do not annotate it.");
  expect(types).toContain("The docs write the type as `int`, read as `integer`.");
  expect(attributeSchema(things.attributes[1]!).description).toBe("Type inferred from the docs' example value (`string`); the docs do not annotate it.");
});

it("sends after and before as the API reads them", () => {
  expect(searchParams({ after: "12", before: "40", perPage: 25 }).toString()).toBe("per_page=25&after=12&before=40");
});

/**
 * What a client renders from the spec fields of the readers' repairs: a list
 * the docs give an id cursor for takes `after` (its Def says `cursor`), the
 * runtime sends it, and an attribute's inferred or repaired type is said in
 * its JSDoc and its OpenAPI description.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { writeTree } from "../../generator/emit.js";
import { clientRenderer, renderClient } from "../../generator/render/client/renderer.js";
import { attributeSchema } from "../../generator/render/openapi/attribute-schema.js";
import { searchParams } from "../../templates/runtime/query.js";
import { resource, spec } from "../helpers/spec-builder.js";
import { STRICT_TSC_OPTIONS } from "../helpers/strict-tsc.js";

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
const others = resource("Other", {
  path: "/people/v2/others",
  endpoints: [{ operation: "list", method: "GET", path: "/people/v2/others" }],
});

it("declares the cursor in the Def of a resource that documents one, and only there", async () => {
  const { value } = await renderClient(spec([things, others]));
  const types = value.map((f) => f.contents).join("\n");
  const def = (name: string) =>
    types.slice(types.indexOf(`export interface ${name}Def {`), types.indexOf("\n}", types.indexOf(`export interface ${name}Def {`)));
  expect(def("Thing")).toContain('cursor: "after";');
  expect(def("Other")).toContain("perPage:");
  expect(def("Other")).not.toContain("cursor");
});

it("says where an inferred or repaired type came from, in the client's JSDoc and the OpenAPI description", async () => {
  const { value } = await renderClient(spec([things]));
  const types = value.map((f) => f.contents).join("\n");
  expect(types).toContain("Type inferred from the docs' example value (`string`); the docs do not annotate it.");
  expect(types).toContain("The docs write the type as `int`, read as `integer`.");
  expect(attributeSchema(things.attributes[1]!).description).toBe(
    "Type inferred from the docs' example value (`string`); the docs do not annotate it.",
  );
});

it("sends after and before as the API reads them", () => {
  expect(searchParams({ after: "12", before: "40", perPage: 25 }).toString()).toBe("per_page=25&after=12&before=40");
});

it("under strict tsc, list takes after where the docs give the cursor, and refuses it elsewhere", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "pco-cursor-"));
  try {
    const rendered = await clientRenderer.render([spec([things, others])]);
    await writeTree({ root: dir, files: rendered.value, owns: () => true });
    const clientFile = rendered.value.map((f) => f.path).find((p) => /^clients\/people\/index\.ts$/.test(p))!;
    const program = [
      `import type { PeopleClient } from "./${clientFile.replace(/index\.ts$/, "types.js")}";`,
      "export async function page(people: PeopleClient): Promise<void> {",
      '  await people.things.list({ after: "12", perPage: 25 });',
      "  // @ts-expect-error: the docs give no cursor for others",
      '  await people.others.list({ after: "12" });',
      "}",
    ].join("\n");
    await writeFile(path.join(dir, "program.ts"), program);
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const compiled = ts.createProgram([path.join(dir, "program.ts")], STRICT_TSC_OPTIONS);
    const problems = ts.getPreEmitDiagnostics(compiled).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

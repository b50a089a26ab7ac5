import { describe, expect, it } from "vitest";
import type { ResourceDraft, SpecDraft } from "../../generator/spec/draft.js";
import { normalizeSpec } from "../../generator/spec/normalize.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import { validateSpec } from "../../generator/spec/validate.js";
import { resourceDraft } from "../helpers/spec-builder.js";


function draft(resources: ResourceDraft[]): SpecDraft {
  return {
    app: "people",
    version: "2025-03-20",
    title: "Planning Center People",
    baseUrl: "https://api.planningcenteronline.com",
    source: { format: "portal", location: "fixtures/people" },
    resources,
  };
}

const person = resourceDraft({
  type: "Person",
  id: "person",
  path: "https://api.planningcenteronline.com/people/v2/people",
  attributes: [
    { name: "last_name", type: "string" },
    { name: "id", type: "primary_key", origin: { file: "person.json", pointer: "/a/0" } },
    { name: "first_name", type: "string", description: "  " },
    { name: "id", type: "integer", origin: { file: "person.json", pointer: "/a/3" } },
    { name: "", type: "string", origin: { file: "person.json", pointer: "/a/4" } },
  ],
  associations: [
    {
      name: "emails",
      target: "Email",
      path: "/people/v2/people/1/emails",
      filters: [
        { name: "primary" },
        { name: "primary" },
        { name: "archived", description: "archived only" },
      ],
    },
  ],
  endpoints: [
    { operation: "get", method: "GET", path: "/people/v2/people/{person_id}" },
    { operation: "list", method: "GET", path: "/people/v2/people" },
    { operation: "list", method: "GET", path: "/people/v2/people" },
  ],
  query: { where: [], order: [{ name: "last_name" }, { name: "first_name" }, { name: "last_name" }], include: [{ name: "emails", assignOnCreate: true }] },
  permissions: { create: true, update: true, destroy: false, createAttributes: ["last_name", "first_name", "last_name"] },
});
const email = resourceDraft({ type: "Email", id: "email", path: "/people/v2/emails" });

describe("normalizeSpec", () => {
  const { value: spec, diagnostics } = normalizeSpec(draft([person, email]));
  const p = spec.resources.find((r) => r.type === "Person")!;

  it("sorts resources and every list by name", () => {
    expect(spec.resources.map((r) => r.type)).toEqual(["Email", "Person"]);
    expect(p.attributes.map((a) => a.name)).toEqual(["first_name", "id", "last_name"]);
    expect(p.query.order).toEqual(["first_name", "last_name"]);
    expect(p.associations[0]!.filters.map((f) => f.name)).toEqual(["archived", "primary"]);
    expect(p.permissions.createAttributes).toEqual(["first_name", "last_name"]);
  });

  it("keeps the first of a duplicate and warns with both positions", () => {
    expect(p.attributes.find((a) => a.name === "id")!.type).toBe("primary_key");
    const duplicate = diagnostics.find((d) => d.code === "SPEC_DUPLICATE_NAME" && d.message.includes('"id"'));
    expect(duplicate).toMatchObject({ severity: "warning", file: "person.json", pointer: "/a/3" });
    expect(duplicate!.message).toContain("with different content");
    expect(duplicate!.message).toContain("/a/0");
  });

  it("drops an empty name with a warning at its position", () => {
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: "SPEC_EMPTY_NAME", pointer: "/a/4" }));
  });

  it("drops equal duplicate filters quietly but warns on other duplicates", () => {
    expect(diagnostics.filter((d) => d.message.includes('"primary"'))).toEqual([]);
    expect(diagnostics.filter((d) => d.message.includes('order "last_name"'))).toHaveLength(1);
  });

  it("templates every path from the collection index", () => {
    expect(p.path).toBe("/people/v2/people");
    expect(p.associations[0]!.path).toBe("/people/v2/people/{person_id}/emails");
    expect(p.endpoints.map((e) => `${e.operation} ${e.path}`)).toEqual(["list /people/v2/people", "get /people/v2/people/{person_id}"]);
  });

  it("omits empty descriptions and records assignable includes", () => {
    expect(p.attributes.find((a) => a.name === "first_name")).toEqual({ name: "first_name", type: "string" });
    expect(p.query.assignableIncludes).toEqual({ create: ["emails"], update: [] });
  });

  it("produces a spec that validates against the schema", () => {
    expect(validateSpec(spec, "people/2025-03-20.json")).toEqual([]);
  });

  it("gives the same bytes whatever order the draft lists things in", () => {
    const reversed = draft([
      { ...email },
      {
        ...person,
        attributes: [...person.attributes].reverse(),
        endpoints: [...person.endpoints].reverse(),
        query: { ...person.query, order: [...person.query.order].reverse() },
      },
    ]);
    // The first of a duplicate wins, so reversing changes which `id` is kept; compare without it.
    const withoutConflict = (s: typeof spec) =>
      serializeSpec({ ...s, resources: s.resources.map((r) => ({ ...r, attributes: r.attributes.filter((a) => a.name !== "id") })) });
    expect(withoutConflict(normalizeSpec(reversed).value)).toBe(withoutConflict(spec));
  });

  it("adds its name to an action documented at the resource's own path, with a warning", () => {
    const organization = resourceDraft({
      type: "Organization",
      id: "organization",
      path: "/check-ins/v2",
      actions: [
        { name: "bulk_check_in", path: "https://api.planningcenteronline.com/check-ins/v2", origin: { file: "organization.json", pointer: "/x" } },
        { name: "merge", path: "/check-ins/v2/people/1/merge" },
      ],
    });
    const result = normalizeSpec(draft([organization]));
    expect(result.value.resources[0]!.actions.map((a) => a.path)).toEqual(["/check-ins/v2/bulk_check_in", "/check-ins/v2/people/{person_id}/merge"]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "SPEC_ACTION_PATH", file: "organization.json", pointer: "/x" })]);
  });

  it("reports a type annotation the docs do not define as an error", () => {
    const bad = normalizeSpec(draft([resourceDraft({ type: "X", id: "x", attributes: [{ name: "a", type: "datetime" as never, origin: { file: "x.json", line: 3 } }] })]));
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "SPEC_UNKNOWN_TYPE", file: "x.json", line: 3 }));
  });
});

/**
 * Semantic operationIds (docs/openapi-operations.md): named from the spec's
 * operation kinds, types and association and action names, unique in every
 * document. The rule is restated here from the spec items each operation
 * lists in `x-pco-sources`, independently of the renderer's code.
 */
import pluralize from "pluralize";
import { beforeAll, describe, expect, it } from "vitest";
import { renderSpec } from "../../generator/render/openapi/openapi-renderer.js";
import type { Spec } from "../../generator/spec/types.js";
import { resource, spec } from "../helpers/spec-builder.js";
import { allDocuments, committedSpecs, operationsOf, type RenderedDocument } from "./documents.js";

/** `phone_numbers` → `PhoneNumbers`, `PhoneNumber` → `PhoneNumber`, `Odd Type/Name~1` → `OddTypeName1`. */
const pascal = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
const lastWord = (text: string, inflect: (w: string) => string) => {
  const parts = text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[\s_]+/);
  return pascal([...parts.slice(0, -1), inflect(parts.at(-1)!)].join(" "));
};

/** The ids the rule allows for one operation, before `At…`, from the spec item that leads it. */
function allowedIds(s: Spec, method: string, url: string, source: { kind: string; resource: string; name: string }): string[] {
  const owner = s.resources.find((r) => r.type === source.resource)!;
  const type = pascal(owner.type);
  if (source.kind === "action") return [`run${type}${pascal(source.name)}`];
  if (source.kind === "association") return ["list", "get"].map((verb) => `${verb}${type}${pascal(source.name)}`);
  const shape = (p: string) => p.replace(/\{[^{}]*\}/g, "{}");
  const endpoint = owner.endpoints.find((e) => e.method === method && shape(e.path) === shape(url))!;
  if (endpoint.currentUser) return [`getCurrent${type}`];
  if (endpoint.via === undefined)
    return [endpoint.operation === "list" ? `list${lastWord(owner.type, pluralize.plural)}` : `${endpoint.operation}${type}`];
  const via = `${pascal(endpoint.via.resource)}`;
  if (endpoint.operation === "list") return [`list${via}${pascal(endpoint.via.association)}`];
  const id = `${endpoint.operation}${via}${lastWord(endpoint.via.association, pluralize.singular)}`;
  return [id, `${id}ById`];
}

let documents: RenderedDocument[];
let specs: Spec[];
beforeAll(async () => {
  specs = await committedSpecs();
  documents = await allDocuments();
});

describe("semantic operationIds", () => {
  it("are unique in every generated document", () => {
    for (const { path, document } of documents) {
      const ids = operationsOf(document).map((o) => o.operation.operationId);
      expect(new Set(ids).size, path).toBe(ids.length);
    }
  });

  it("follow the rule in every generated document", () => {
    let checked = 0;
    for (const { path, document } of documents) {
      const combined = path.endsWith("latest.json");
      for (const { key, operation } of operationsOf(document)) {
        const [method, url] = key.split(" ") as [string, string];
        const app = combined ? url.split("/")[1]! : undefined;
        const s = combined
          ? specs.find((x) => x.app === app && x.version === (document.info["x-pco-versions"] as Record<string, string>)[app!])!
          : (specs.find((x) => path === `openapi/${x.app}-${x.version}.json`) ?? undefined);
        if (s === undefined) continue; // the edge spec's document: its ids are tested by uniqueness above
        const source = (operation["x-pco-sources"] as { kind: string; resource: string; name: string }[])[0]!;
        const allowed = allowedIds(s, method, url, source).map((id) =>
          combined ? `${pascal(app!).charAt(0).toLowerCase()}${pascal(app!).slice(1)}${pascal(id)}` : id,
        );
        const id = operation.operationId;
        const follows = allowed.some((a) => id === a || new RegExp(`^${a}At[A-Z][A-Za-z0-9]*(_\\d+)?$`).test(id));
        expect(follows, `${path} ${key}: ${id} is none of ${allowed.join(", ")} (+ At…)`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("name the examples of the rule", () => {
    const person = resource("Person", {
      path: "/people/v2/people",
      endpoints: [
        { operation: "list", method: "GET", path: "/people/v2/people" },
        { operation: "get", method: "GET", path: "/people/v2/people/{person_id}" },
        { operation: "get", method: "GET", path: "/people/v2/me", currentUser: true },
      ],
      associations: [{ name: "phone_numbers", target: "PhoneNumber", path: "/people/v2/people/{person_id}/phone_numbers", filters: [] }],
      actions: [{ name: "merge_into", path: "/people/v2/people/{person_id}/merge_into" }],
    });
    const via = { resource: "Person", association: "phone_numbers" };
    const phone = resource("PhoneNumber", {
      path: "/people/v2/phone_numbers",
      permissions: { create: true, update: true, destroy: false },
      endpoints: [
        { operation: "create", method: "POST", path: "/people/v2/people/{person_id}/phone_numbers", via },
        { operation: "update", method: "PATCH", path: "/people/v2/people/{person_id}/phone_numbers/{phone_number_id}", via },
      ],
    });
    const document = renderSpec(spec([person, phone])).value;
    const ids = Object.fromEntries(operationsOf(document).map((o) => [o.key, o.operation.operationId]));
    expect(ids).toEqual({
      "GET /people/v2/people": "listPeople",
      "GET /people/v2/people/{person_id}": "getPerson",
      "GET /people/v2/me": "getCurrentPerson",
      "GET /people/v2/people/{person_id}/phone_numbers": "listPersonPhoneNumbers",
      "POST /people/v2/people/{person_id}/phone_numbers": "createPersonPhoneNumber",
      "PATCH /people/v2/people/{person_id}/phone_numbers/{phone_number_id}": "updatePersonPhoneNumber",
      "POST /people/v2/people/{person_id}/merge_into": "runPersonMergeInto",
    });
  });

  it("keep the plain id for the operation at its resource's own path, and add the URL's words to the others", () => {
    const tag = resource("Tag", {
      path: "/groups/v2/tags",
      endpoints: [{ operation: "list", method: "GET", path: "/groups/v2/tags" }],
      associations: [{ name: "groups", target: "Group", path: "/groups/v2/tags/{tag_id}/groups", filters: [] }],
    });
    const tagGroup = resource("TagGroup", {
      path: "/groups/v2/tag_groups",
      endpoints: [{ operation: "list", method: "GET", path: "/groups/v2/tag_groups" }],
    });
    const document = renderSpec(spec([tag, tagGroup, resource("Group")], { app: "groups" })).value;
    const ids = Object.fromEntries(operationsOf(document).map((o) => [o.key, o.operation.operationId]));
    expect(ids["GET /groups/v2/tag_groups"]).toBe("listTagGroups");
    expect(ids["GET /groups/v2/tags/{tag_id}/groups"]).toBe("listTagGroupsAtTagsGroups");
  });

  it("number the later of two that the URL's words cannot tell apart, with a warning", () => {
    const via = { resource: "Box", association: "items" };
    const box = resource("Box", {
      path: "/edge/v2/boxes",
      associations: [{ name: "items", target: "Item", path: "/edge/v2/boxes/{box_id}/items", filters: [] }],
    });
    const item = resource("Item", {
      endpoints: [
        { operation: "get", method: "GET", path: "/edge/v2/a-b/{box_id}/items/{item_id}", via },
        { operation: "get", method: "GET", path: "/edge/v2/a_b/{box_id}/items/{item_id}", via },
      ],
    });
    const rendered = renderSpec(spec([box, item], { app: "edge" }));
    const ids = Object.fromEntries(operationsOf(rendered.value).map((o) => [o.key, o.operation.operationId]));
    expect(ids["GET /edge/v2/a-b/{box_id}/items/{item_id}"]).toBe("getBoxItemAtABItems");
    expect(ids["GET /edge/v2/a_b/{box_id}/items/{item_id}"]).toBe("getBoxItemAtABItems_2");
    expect(rendered.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", code: "OPENAPI_OPERATION_ID" }));
  });
});

import { describe, expect, it } from "vitest";
import { buildCollectionIndex, pathParameters, pathShape, relativePath, templatePath } from "../../generator/spec/paths.js";

const index = buildCollectionIndex([
  { path: "/people/v2/people", resourceId: "person" },
  { path: "/people/v2/people/{person_id}/addresses", resourceId: "address" },
  { path: "https://api.planningcenteronline.com/people/v2/forms/1/fields", resourceId: "form_field" },
  { path: "/services/v2/service_types/1/plans/1/notes", resourceId: "plan_note" },
  { path: "/services/v2/service_types/{service_type_id}/plans", resourceId: "plan" },
  { path: "/services/v2/service_types", resourceId: "service_type" },
]);

describe("templatePath", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["a sample id", { given: "/people/v2/people/1/addresses", want: "/people/v2/people/{person_id}/addresses" }],
    ["a named parameter", { given: "/people/v2/people/{person_id}/addresses", want: "/people/v2/people/{person_id}/addresses" }],
    ["a full URL", { given: "https://api.planningcenteronline.com/people/v2/people/1", want: "/people/v2/people/{person_id}" }],
    ["a name the docs gave differently", { given: "/people/v2/forms/{form_id}/fields/{field_id}/options", want: "/people/v2/forms/{form_id}/fields/{form_field_id}/options" }],
    ["nested sample ids", { given: "/services/v2/service_types/1/plans/2/notes/3", want: "/services/v2/service_types/{service_type_id}/plans/{plan_id}/notes/{plan_note_id}" }],
    ["an unindexed collection with a sample id", { given: "/check-ins/v2/events/7/event_times", want: "/check-ins/v2/events/{event_id}/event_times" }],
    ["an unindexed collection with a named parameter", { given: "/giving/v2/batches/{batch_id}", want: "/giving/v2/batches/{batch_id}" }],
    ["an irregular plural", { given: "/x/v2/people/5", want: "/x/v2/people/{person_id}" }],
    ["a trailing slash and query", { given: "/people/v2/people/1/?include=emails", want: "/people/v2/people/{person_id}" }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(templatePath(given, index)).toBe(want);
  });
});

describe("relativePath", () => {
  it.each([
    ["https://api.planningcenteronline.com/people/v2", "/people/v2"],
    ["http://127.0.0.1:8080/a//b/", "/a/b"],
    ["people/v2/people", "/people/v2/people"],
    ["/", "/"],
  ])("%s → %s", (given, want) => {
    expect(relativePath(given)).toBe(want);
  });
});

describe("pathShape and pathParameters", () => {
  it("replaces sample ids and named parameters alike", () => {
    expect(pathShape("/a/1/b/{b_id}/c")).toBe("/a/*/b/*/c");
  });
  it("lists the parameters of a template in order", () => {
    expect(pathParameters("/a/{x_id}/b/{y_id}")).toEqual(["x_id", "y_id"]);
  });
});

describe("buildCollectionIndex", () => {
  it("lets stronger evidence win over code-unit order, whatever the order of entries", () => {
    const entries = [
      { path: "/services/v2/service_types", resourceId: "folder", rank: 3 },
      { path: "/services/v2/service_types", resourceId: "service_type", rank: 0 },
    ];
    for (const list of [entries, [...entries].reverse()]) {
      expect(templatePath("/services/v2/service_types/1", buildCollectionIndex(list))).toBe("/services/v2/service_types/{service_type_id}");
    }
  });
  it("breaks a tie of rank by code-unit order", () => {
    const index = buildCollectionIndex([
      { path: "/a/v2/things", resourceId: "thing" },
      { path: "/a/v2/things", resourceId: "other" },
    ]);
    expect(templatePath("/a/v2/things/1", index)).toBe("/a/v2/things/{other_id}");
  });
});

/**
 * A hand-written spec shaped like the legacy Slate ones (no resource paths, no
 * examples, no paging limits, no assignable-attribute lists), with the names
 * and references the docs get wrong: every resource still gets its fixtures,
 * and each oddity one diagnostic naming the spec and the place in it.
 */
import { describe, expect, it } from "vitest";
import { fixturesRenderer } from "../../generator/render/fixtures/renderer.js";
import { validateSpec } from "../../generator/spec/validate.js";
import { LEGACY } from "./legacy-spec.js";

describe("fixtures of a legacy-shaped spec", () => {
  it("is a valid spec", () => {
    expect(validateSpec(LEGACY, "resources/legacy.json")).toEqual([]);
  });

  it("renders every resource, naming files safely and uniquely, with a diagnostic for each oddity", async () => {
    const { value, diagnostics } = await fixturesRenderer.render([LEGACY]);
    const names = value.map((f) => f.path.replace("fixtures/resources/legacy/", "")).filter((p) => p !== "fixtures/README.md");
    expect(names.sort()).toEqual(
      [
        "errors.401.json",
        "errors.403.json",
        "errors.404.json",
        "errors.422.json",
        "errors.429.json",
        "folder.collection.json",
        "folder.included.json",
        "folder.json",
        "odd_name.collection.json",
        "odd_name.json",
        "thing.json",
        "thing_2.json",
      ].sort(),
    );
    const shown = diagnostics.map((d) => `${d.severity} ${d.code} ${d.file} ${d.pointer}`).sort();
    expect(shown).toEqual(
      [
        "info FIXTURE_NO_COLLECTION resources/legacy.json /resources/2",
        "info FIXTURE_NO_COLLECTION resources/legacy.json /resources/3",
        "warning FIXTURE_FILE_NAME resources/legacy.json /resources/1/id",
        "warning FIXTURE_FILE_NAME resources/legacy.json /resources/3/id",
        "warning FIXTURE_UNRESOLVED_INCLUDE resources/legacy.json /resources/0/query/include/0",
      ].sort(),
    );
  });

  it("roots a resource related to itself at its first record, and links undocumented types by id", async () => {
    const { value } = await fixturesRenderer.render([LEGACY]);
    const read = (name: string) => JSON.parse(value.find((f) => f.path === `fixtures/resources/legacy/${name}`)!.contents);
    const folders = read("folder.collection.json");
    expect(folders.data[0].relationships.parent.data).toBeNull();
    expect(folders.data[1].relationships.parent.data).toEqual({ type: "Folder", id: folders.data[0].id });
    expect(folders.data[0].relationships.mystery.data).toEqual({ type: "Mystery", id: expect.stringMatching(/^[0-9]+$/) });
    expect(folders.meta.total_count).toBe(5);
    expect(folders.links.self).toBe("https://api.planningcenteronline.com/resources/v2/folders?per_page=2");

    const included = read("folder.included.json");
    const rooms = included.data.relationships.rooms.data as { type: string; id: string }[];
    expect(rooms.length).toBeGreaterThan(0);
    expect(included.included.map((r: { id: string }) => r.id)).toEqual(rooms.map((r) => r.id));
    for (const room of included.included) expect(room.relationships.folder.data).toEqual({ type: "Folder", id: included.data.id });
    expect(included.data.relationships).not.toHaveProperty("ghost");

    // A resource that cannot be read by id has no URL of its own.
    expect(read("thing.json").data).not.toHaveProperty("links");
  });
});

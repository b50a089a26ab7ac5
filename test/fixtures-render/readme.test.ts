/**
 * The fixtures' README is written in its final form, without a formatter:
 * prettier leaves it as it is, whatever the lengths of the apps' names and
 * versions in its table.
 */
import * as prettier from "prettier";
import { expect, it } from "vitest";
import { PRETTIER_OPTIONS } from "../../generator/format.js";
import { fixturesRenderer } from "../../generator/render/fixtures/renderer.js";
import { resource, spec } from "../helpers/spec-builder.js";

const thing = resource("Thing", {
  path: "/x/v2/things",
  attributes: [{ name: "id", type: "primary_key" }],
  endpoints: [{ operation: "get", method: "GET", path: "/x/v2/things/{thing_id}" }],
});

it("is what prettier makes of it, for short and long names alike", async () => {
  const specs = [
    spec([thing], { app: "a", version: "legacy" }),
    spec([thing, { ...thing, type: "Other" }], { app: "a-rather-long-application-name", version: "2025-03-20" }),
    spec([thing], { app: "check-ins", version: "2019-01-01" }),
  ];
  const rendered = await fixturesRenderer.render(specs);
  const readme = rendered.value.find((f) => f.path === "fixtures/README.md")!.contents;
  expect(readme).toMatch(/^\| a-rather-long-application-name \| 2025-03-20 \| +2 \| `a-rather-long-application-name\/2025-03-20\/` \|$/m);
  expect(await prettier.format(readme, { ...PRETTIER_OPTIONS, parser: "markdown" })).toBe(readme);
});

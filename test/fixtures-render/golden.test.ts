/** The webhooks fixtures, whole files, against the committed golden copies in __golden__/. */
import { describe, expect, it } from "vitest";
import { fixturesRenderer } from "../../generator/render/fixtures/renderer.js";
import { committedSpecs } from "./committed-specs.js";

describe("the webhooks fixtures", async () => {
  const webhooks = (await committedSpecs()).find((s) => s.app === "webhooks" && s.version === "2022-10-20")!;
  const { value } = await fixturesRenderer.render([webhooks]);

  it.each(value.filter((f) => f.path.startsWith("fixtures/webhooks/")).map((f) => [f.path, f.contents]))("%s", async (path, contents) => {
    await expect(contents).toMatchFileSnapshot(`__golden__/${path.replace("fixtures/", "")}`);
  });
});

/**
 * One small app in full: the webhooks document, compared whole with the
 * reviewed copy in `__golden__/`. A change to the output shows here as a diff
 * to review; `vitest -u` accepts it.
 */
import path from "node:path";
import { expect, it } from "vitest";
import { loadSpecFile } from "../../generator/spec/load.js";
import { renderSpec } from "../../generator/render/openapi/openapi-renderer.js";
import { REPO_ROOT } from "../helpers/corpus.js";

it("renders webhooks 2022-10-20 as reviewed", async () => {
  const loaded = await loadSpecFile(path.join(REPO_ROOT, "spec/webhooks/2022-10-20.json"));
  expect(loaded.diagnostics).toEqual([]);
  const { value, diagnostics } = renderSpec(loaded.value[0]!);
  expect(diagnostics).toEqual([]);
  await expect(`${JSON.stringify(value, null, 2)}\n`).toMatchFileSnapshot("__golden__/webhooks-2022-10-20.json");
});

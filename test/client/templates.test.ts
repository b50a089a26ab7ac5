/**
 * The client's templates give each emitted file its shape through one partial
 * per construct: each partial the templates folder holds is there, and
 * rendering a small hand-written spec goes through every one of them (blank
 * any one, and the files come out different).
 */
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { clientPartials, compileClientTemplates, type ClientTemplates } from "../../generator/render/client/templates.js";
import { buildClientView } from "../../generator/render/client/view-model.js";
import type { ClientView } from "../../generator/render/client/view.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";

/** The constructs a client is made of, each with its partial. */
const CONSTRUCTS = [
  "api",
  "collection",
  "def",
  "factory",
  "handles",
  "heritage",
  "interface",
  "jsdoc",
  "member",
  "resource",
  "route-table",
  "union",
];

let view: ClientView;
let partials: Map<string, string>;
beforeAll(async () => {
  const specs = (await loadSpecs(path.join(REPO_ROOT, "test/client/specs"))).value;
  view = buildClientView(specs.find((s) => s.app === "hostile")!).value;
  partials = await clientPartials();
});

const render = (templates: ClientTemplates) => ({ types: templates.types(view), index: templates.index(view) });

describe("client templates", () => {
  test("each construct has its partial, and there are no others", () => {
    expect([...partials.keys()].sort()).toEqual([...CONSTRUCTS].sort());
  });

  test.each(CONSTRUCTS)("rendering a client uses the %s partial", async (name) => {
    const whole = render(await compileClientTemplates());
    const without = render(await compileClientTemplates(new Map([[name, ""]])));

    expect(whole.types.length + whole.index.length).toBeGreaterThan(without.types.length + without.index.length);
  });
});

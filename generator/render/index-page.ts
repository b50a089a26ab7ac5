/**
 * `generated/README.md`: what was generated, from which specs. A table per app
 * and version with its source and the size of its API; each spec's part is
 * its row.
 */
import type { Spec } from "../spec/types.js";
import { renderBySpec } from "./render-by-spec.js";
import { GENERATED_NOTICE, type Renderer, type SpecRenderer } from "./renderer.js";

/** The index page's path in the output. */
export const INDEX_PAGE = "README.md";

const bySpec: SpecRenderer = {
  async renderSpec(spec) {
    return { value: { files: [], part: indexRow(spec) }, diagnostics: [] };
  },
  async renderShared(rows) {
    return { value: [{ path: INDEX_PAGE, contents: indexPage(rows as string[]) }], diagnostics: [] };
  },
};

export const indexPageRenderer: Renderer = {
  name: "index",
  root: INDEX_PAGE,
  bySpec,
  render: (specs) => renderBySpec(bySpec, specs),
};

function indexRow(s: Spec): string {
  const count = (f: (r: Spec["resources"][number]) => number) => s.resources.reduce((n, r) => n + f(r), 0);
  return `| ${s.app} | ${s.version}${s.beta ? " (beta)" : ""} | ${s.resources.length} | ${count((r) => r.endpoints.length)} | ${count((r) => r.associations.length)} | ${count((r) => r.actions.length)} | ${s.source.format} |`;
}

/**
 * How the index page begins: what tells a folder `generate` wrote from one it did not (`generate/output-origin.ts`). Changed,
 * it would make every folder written before look like someone else's, and be refused: keep it, or accept the old start too.
 */
export const INDEX_PAGE_START = `# Generated output\n\n${GENERATED_NOTICE}\n`;

function indexPage(rows: readonly string[]): string {
  return [
    INDEX_PAGE_START,
    "| app | version | resources | endpoints | associations | actions | read from |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ...rows,
    "",
  ].join("\n");
}

/**
 * `generated/README.md`: what was generated, from which specs. A table per app
 * and version with its source and the size of its API.
 */
import type { Spec } from "../spec/types.js";
import { GENERATED_NOTICE, type Renderer } from "./renderer.js";

export const indexPageRenderer: Renderer = {
  name: "index",
  root: "README.md",
  async render(specs) {
    return { value: [{ path: "README.md", contents: indexPage(specs) }], diagnostics: [] };
  },
};

function indexPage(specs: readonly Spec[]): string {
  const rows = specs.map((s) => {
    const count = (f: (r: Spec["resources"][number]) => number) => s.resources.reduce((n, r) => n + f(r), 0);
    return `| ${s.app} | ${s.version}${s.beta ? " (beta)" : ""} | ${s.resources.length} | ${count((r) => r.endpoints.length)} | ${count((r) => r.associations.length)} | ${count((r) => r.actions.length)} | ${s.source.format} |`;
  });
  return [
    "# Generated output",
    "",
    GENERATED_NOTICE,
    "",
    "| app | version | resources | endpoints | associations | actions | read from |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ...rows,
    "",
  ].join("\n");
}

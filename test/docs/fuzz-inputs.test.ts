/**
 * docs/testing.md's table of what the fuzzer feeds the readers has a row for
 * every input kind the fuzzer has, and no other; and every kind has seeds in
 * the corpus, in the quick selection the test suite runs as in the full one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { INPUT_KINDS, loadSeeds } from "../../generator/fuzz/targets.js";
import { describeCorpus, DOCS_DIR, REPO_ROOT } from "../helpers/corpus.js";

it("docs/testing.md lists every input kind of the fuzzer", () => {
  const page = readFileSync(path.join(REPO_ROOT, "docs", "testing.md"), "utf8");
  const section = page.slice(page.indexOf("### Fuzzing every reader"), page.indexOf("The damage, one kind at a time"));
  const rows = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
  expect(rows.sort()).toEqual([...INPUT_KINDS].sort());
});

describeCorpus("the fuzzer's seeds", () => {
  it("include files of every input kind, in both selections", () => {
    for (const selection of ["quick", "full"] as const) {
      const seeds = loadSeeds(DOCS_DIR, selection);
      for (const kind of INPUT_KINDS) expect(seeds.get(kind)?.length ?? 0, `${selection} ${kind}`).toBeGreaterThan(0);
    }
  });
});

/**
 * Whether `generate` may write into a folder that already holds files where
 * it writes. It replaces every file it owns there and removes those it did
 * not render, which is right for a folder it wrote (a spec gone leaves no
 * stale document) and a loss anywhere else: `--out .` or `--out ~` would
 * overwrite a README.md and empty an `openapi/` of someone else's. A folder
 * is one it wrote where its README.md is the index page a generate writes,
 * which every generate writes; the record of the last generate is no guide,
 * as it lives in a cache that a fresh checkout does not have.
 */
import path from "node:path";
import { GeneratorError } from "../diagnostics.js";
import { INDEX_PAGE, INDEX_PAGE_START } from "../render/index-page.js";
import { displayPath } from "../util/display-path.js";
import { readOwnFile } from "../util/read-capped.js";

/** Far more than the index page of thousands of specs; a larger README.md is none generate wrote. */
const MAX_INDEX_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * Throws (exit 2) where `owned`, the files of `root` in the places generate writes (`places`: the renderers' roots), are not a
 * generate's.
 */
export function assertWrittenByGenerate(root: string, owned: ReadonlySet<string>, places: readonly string[]): void {
  if (owned.size === 0) return;
  const page = readOwnFile(path.join(root, INDEX_PAGE), MAX_INDEX_PAGE_BYTES);
  if (page !== undefined && page.subarray(0, INDEX_PAGE_START.length).toString("utf8") === INDEX_PAGE_START) return;
  const why = owned.has(INDEX_PAGE) ? `its ${INDEX_PAGE} is not the index page generate writes` : `it has no ${INDEX_PAGE} index page`;
  throw new GeneratorError(
    `cannot generate into ${displayPath(root)}: ${why}, so the ${owned.size} file(s) it holds in ${places.join(", ")} ` +
      "are not generate's, and generate would replace or remove them. Name an empty folder, or one generate wrote",
    { exitCode: 2 },
  );
}

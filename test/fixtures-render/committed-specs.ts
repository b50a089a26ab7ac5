/** The committed specs (`spec/`), loaded once per test file. */
import path from "node:path";
import { loadSpecs } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";

let loaded: Promise<Spec[]> | undefined;

export function committedSpecs(): Promise<Spec[]> {
  loaded ??= loadSpecs(path.join(REPO_ROOT, "spec")).then((result) => {
    if (result.diagnostics.some((d) => d.severity === "error")) throw new Error(`spec/ does not load: ${result.diagnostics[0]!.message}`);
    return result.value;
  });
  return loaded;
}

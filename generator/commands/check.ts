/** `pco-codegen check`: fails when the output (generated/) is not what the specs render to. */
import { hasErrors } from "../diagnostics.js";
import { displayPath } from "../util/display-path.js";
import { isClean } from "../emit.js";
import { compareAll } from "../generate.js";
import { loadSpecs } from "../spec/load.js";
import { EXIT, noSpecsIn, type Command } from "./command.js";
import { generateOptions, type GenerateArgs } from "./generate.js";
import { assertComparableOutput, assertOutputApart } from "./output-folder.js";
import { printDiagnostics } from "./output.js";

export const checkCommand: Command<GenerateArgs> = {
  command: "check",
  describe: "Regenerate in memory and fail if generated/ differs",
  builder: generateOptions,
  async run(args, output) {
    assertOutputApart(args.spec, args.out);
    assertComparableOutput(args.out);
    const loaded = await loadSpecs(args.spec);
    // As generate would: an empty or mistyped spec folder is not compared with the output as if it rendered to nothing.
    if (loaded.value.length === 0 && loaded.diagnostics.length === 0) return noSpecsIn(args.spec, output);
    // Compared as it is rendered, spec by spec: a large spec folder's output is never held whole.
    const compared = await compareAll(loaded.value, args.out);
    const diagnostics = [...loaded.diagnostics, ...compared.diagnostics];
    printDiagnostics(output, diagnostics);
    if (hasErrors(diagnostics)) return EXIT.problems;
    const { difference } = compared;
    if (isClean(difference)) {
      output.err(`${displayPath(args.out)} is up to date with ${displayPath(args.spec)} (${compared.files} files)`);
      return EXIT.ok;
    }
    for (const f of difference.missing) output.err(`missing: ${displayPath(args.out)}/${f}`);
    for (const f of difference.changed) output.err(`stale:   ${displayPath(args.out)}/${f}`);
    for (const f of difference.extra) output.err(`extra:   ${displayPath(args.out)}/${f}`);
    output.err(`${displayPath(args.out)} is out of date: run pco-codegen generate (npm run generate) and commit the result`);
    return EXIT.problems;
  },
};

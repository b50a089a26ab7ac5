/** `pco-codegen generate`: spec/ → generated/, skipped when neither has changed since the last generate. */
import type { Argv } from "yargs";
import { inputsFingerprint, treeHash, unchangedSinceRecord, writeRecord, type GenerateInputs } from "../generate-record.js";
import { EXIT, noSpecsIn, type Command } from "./command.js";
import { assertOutputApart } from "./output-folder.js";
import { GENERATE_DEFAULTS, type GenerateArgs } from "./plain-generate.js";
import { printDiagnostics, type Output } from "./output.js";

export type { GenerateArgs };

export const generateOptions = (yargs: Argv) =>
  yargs.option("spec", { type: "string", default: GENERATE_DEFAULTS.spec, describe: "Folder of specs to render" }).option("out", {
    type: "string",
    default: GENERATE_DEFAULTS.out,
    describe: "Folder to write the output to",
  }) as unknown as Argv<GenerateArgs>;

interface GenerateCommandArgs extends GenerateArgs {
  force: boolean;
}

export const generateCommand: Command<GenerateCommandArgs> = {
  command: "generate",
  describe: "Render clients, OpenAPI documents and fixtures from the specs",
  builder: (yargs: Argv) =>
    generateOptions(yargs).option("force", {
      type: "boolean",
      default: false,
      describe: "Render even when nothing changed since the last generate",
    }) as unknown as Argv<GenerateCommandArgs>,
  async run(args, output) {
    assertOutputApart(args.spec, args.out);
    // Taken before the specs are read: a spec changed meanwhile only costs the next generate a render.
    const inputs = await inputsFingerprint(args.spec);
    const unchanged = args.force ? undefined : await reportIfUnchanged(args, inputs, output);
    if (unchanged !== undefined) return unchanged;
    // Loaded only when there is something to render: the no-op above is most generates.
    const [{ generateBySpec }, { renderers }] = await Promise.all([import("../generate/by-spec.js"), import("../render/registry.js")]);
    if (inputs.specs.length === 0) {
      return noSpecsIn(args.spec, output);
    }
    // --force renders every spec again, as if no record were kept.
    const outcome = await generateBySpec(args.spec, args.out, inputs, renderers, { reuse: !args.force });
    printDiagnostics(output, outcome.diagnostics);
    if (outcome.difference === undefined) {
      output.err(`nothing written to ${args.out}`);
      return EXIT.problems;
    }
    writeRecord(
      args.out,
      inputs.inputs,
      treeHash(outcome.stats),
      outcome.files,
      renderers.map((r) => r.root),
      outcome.diagnostics,
    );
    const { missing, changed, extra } = outcome.difference;
    output.err(
      `${outcome.files} files in ${args.out}` +
        (missing.length + changed.length + extra.length === 0
          ? ", unchanged"
          : `: ${missing.length} new, ${changed.length} changed, ${extra.length} removed`),
    );
    return EXIT.ok;
  },
};

/** Reports the output unchanged and returns the exit code, or undefined when there is something to render. */
async function reportIfUnchanged(args: GenerateArgs, inputs: GenerateInputs, output: Output): Promise<number | undefined> {
  const unchanged = await unchangedSinceRecord(args.out, inputs.inputs);
  if (unchanged === undefined) return undefined;
  printDiagnostics(output, unchanged.diagnostics);
  output.err(`${unchanged.files} files in ${args.out}, unchanged`);
  return EXIT.ok;
}

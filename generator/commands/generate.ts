/** `pco-codegen generate`: spec/ → generated/. */
import type { Argv } from "yargs";
import { hasErrors } from "../diagnostics.js";
import { displayPath } from "../display-path.js";
import { writeTree } from "../emit.js";
import { generatedTreePlan, renderAll } from "../generate.js";
import { loadSpecs } from "../spec/load.js";
import { EXIT, type Command } from "./command.js";
import { printDiagnostics } from "./output.js";

export interface GenerateArgs {
  spec: string;
  out: string;
}

export const generateOptions = (yargs: Argv) =>
  yargs
    .option("spec", { type: "string", default: "spec", describe: "Folder of specs to render" })
    .option("out", { type: "string", default: "generated", describe: "Folder to write the output to" }) as unknown as Argv<GenerateArgs>;

export const generateCommand: Command<GenerateArgs> = {
  command: "generate",
  describe: "Render clients, OpenAPI documents and fixtures from the specs",
  builder: generateOptions,
  async run(args, output) {
    const loaded = await loadSpecs(args.spec);
    if (loaded.value.length === 0 && !hasErrors(loaded.diagnostics)) {
      output.err(`no specs in ${displayPath(args.spec)}; run pco-codegen scrape first`);
      return EXIT.couldNotRun;
    }
    const rendered = await renderAll(loaded.value);
    const diagnostics = [...loaded.diagnostics, ...rendered.diagnostics];
    printDiagnostics(output, diagnostics);
    if (hasErrors(diagnostics)) {
      output.err(`nothing written to ${args.out}`);
      return EXIT.problems;
    }
    const difference = await writeTree(generatedTreePlan(args.out, rendered.files));
    const changed = difference.missing.length + difference.changed.length + difference.extra.length;
    output.err(
      `${rendered.files.length} files in ${args.out}` +
        (changed === 0 ? ", unchanged" : `: ${difference.missing.length} new, ${difference.changed.length} changed, ${difference.extra.length} removed`),
    );
    return EXIT.ok;
  },
};

/** `pco-codegen generate`: spec/ → generated/, skipped when neither has changed since the last generate. */
import type { Argv } from "yargs";
import { hasErrors } from "../diagnostics.js";
import { displayPath } from "../util/display-path.js";
import { inputsFingerprint, unchangedSinceRecord, writeRecord } from "../generate-record.js";
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
    // Taken before the specs are read: a spec changed meanwhile only costs the next generate a render.
    const inputs = await inputsFingerprint(args.spec);
    const unchanged = args.force ? undefined : await unchangedSinceRecord(args.out, inputs);
    if (unchanged !== undefined) {
      printDiagnostics(output, unchanged.diagnostics);
      output.err(`${unchanged.files} files in ${args.out}, unchanged`);
      return EXIT.ok;
    }
    // Loaded only when there is something to render: the no-op above is most generates.
    const [{ loadSpecs }, { generatedTreePlan, renderAll }, { writeTree }, { renderers }] = await Promise.all([
      import("../spec/load.js"),
      import("../generate.js"),
      import("../emit.js"),
      import("../render/registry.js"),
    ]);
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
    await writeRecord(
      args.out,
      inputs,
      rendered.files,
      renderers.map((r) => r.root),
      diagnostics,
    );
    const changed = difference.missing.length + difference.changed.length + difference.extra.length;
    output.err(
      `${rendered.files.length} files in ${args.out}` +
        (changed === 0
          ? ", unchanged"
          : `: ${difference.missing.length} new, ${difference.changed.length} changed, ${difference.extra.length} removed`),
    );
    return EXIT.ok;
  },
};

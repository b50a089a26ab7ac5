/**
 * The answer of a `generate` with nothing to do: most generates are, and the
 * command line parser costs more to load than this check. `cli.ts` asks
 * `plainGenerateArgs` first and answers from here without loading yargs; any
 * other form of the command line goes through the parser, and any change
 * through the full command.
 */
import { parseArgs } from "node:util";
import { inputsFingerprint, unchangedSinceRecord, type GenerateInputs } from "../generate-record.js";
import { EXIT } from "./command.js";
import { printDiagnostics, type Output } from "./output.js";

export interface GenerateArgs {
  spec: string;
  out: string;
}

export const GENERATE_DEFAULTS: GenerateArgs = { spec: "spec", out: "generated" };

/**
 * `generate` with `--spec`, `--out` and `--verbose` at most once each, and
 * nothing else; undefined for any other command line (help, `--force`, an
 * unknown or repeated option, another command), which the parser handles.
 */
export function plainGenerateArgs(argv: readonly string[]): GenerateArgs | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      tokens: true,
      options: { spec: { type: "string" }, out: { type: "string" }, verbose: { type: "boolean" } },
    });
  } catch {
    return undefined;
  }
  const names = parsed.tokens.flatMap((token) => (token.kind === "option" ? [token.name] : []));
  if (new Set(names).size !== names.length) return undefined;
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== "generate") return undefined;
  return { spec: parsed.values.spec ?? GENERATE_DEFAULTS.spec, out: parsed.values.out ?? GENERATE_DEFAULTS.out };
}

/** Reports the output unchanged and returns the exit code, or undefined when there is something to render. */
export async function reportIfUnchanged(args: GenerateArgs, inputs: GenerateInputs, output: Output): Promise<number | undefined> {
  const unchanged = await unchangedSinceRecord(args.out, inputs.inputs);
  if (unchanged === undefined) return undefined;
  printDiagnostics(output, unchanged.diagnostics);
  output.err(`${unchanged.files} files in ${args.out}, unchanged`);
  return EXIT.ok;
}

/** The whole no-op `generate`, for `cli.ts`: undefined when the full command must run. */
export async function answerUnchangedGenerate(args: GenerateArgs, output: Output): Promise<number | undefined> {
  return reportIfUnchanged(args, await inputsFingerprint(args.spec), output);
}

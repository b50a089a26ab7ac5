/**
 * A plain `generate` command line, recognized without the command line
 * parser: most runs are one, most of those find nothing to do, and yargs
 * costs more to load than that whole check. `cli.ts` asks `plainGenerateArgs`
 * first and runs the generate command straight from its answer; any other
 * form of the command line goes through the parser.
 */
import { parseArgs } from "node:util";

export interface GenerateArgs {
  spec: string;
  out: string;
}

export const GENERATE_DEFAULTS: GenerateArgs = { spec: "spec", out: "generated" };

/**
 * `generate` with `--spec`, `--out` and `--verbose` at most once each, and
 * nothing else; undefined for any other command line (help, `--force`, an
 * unknown, repeated or empty option, another command), which the parser handles.
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
  if (parsed.values.spec === "" || parsed.values.out === "") return undefined;
  return { spec: parsed.values.spec ?? GENERATE_DEFAULTS.spec, out: parsed.values.out ?? GENERATE_DEFAULTS.out };
}

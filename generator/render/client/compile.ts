/**
 * The clients' TypeScript compiled to what a package ships: ES modules
 * (`.js`) and their declarations (`.d.ts`), by the TypeScript compiler in
 * memory, one file at a time. Every source is written to stand alone (each
 * export declares its own type, as `isolatedDeclarations` demands), so no file
 * needs another to be compiled: the output depends on each source alone, and
 * the same sources always give the same files, quickly.
 */
import ts from "typescript";
import { GeneratorError } from "../../diagnostics.js";
import type { OutputFile } from "../../emit.js";
import { compareText } from "../../util/order.js";

/**
 * What the packages promise: ES2022 (Node 20, every current browser), ES
 * modules that keep their `.js` import paths as written, and declarations
 * that keep the doc comments.
 */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  verbatimModuleSyntax: true,
  newLine: ts.NewLineKind.LineFeed,
};

/**
 * Compiles every `.ts` source (declaration files ship as they are) and
 * returns the `.js` and `.d.ts` files beside their sources, sorted by path.
 * A source the compiler rejects is an error naming the file and position: a
 * client that does not compile must not be written.
 */
export function compileClients(sources: readonly OutputFile[]): OutputFile[] {
  const compiled = sources
    .filter((f) => f.path.endsWith(".ts") && !f.path.endsWith(".d.ts"))
    .flatMap((source) => {
      const stem = source.path.slice(0, -".ts".length);
      const js = ts.transpileModule(source.contents, { fileName: source.path, compilerOptions: OPTIONS, reportDiagnostics: true });
      const dts = ts.transpileDeclaration(source.contents, { fileName: source.path, compilerOptions: OPTIONS, reportDiagnostics: true });
      const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
      if (problems.length > 0)
        throw new GeneratorError(`${source.path} does not compile:\n${problems.map(describe).join("\n")}`, { exitCode: 1 });
      return [
        { path: `${stem}.js`, contents: js.outputText },
        { path: `${stem}.d.ts`, contents: dts.outputText },
      ];
    });
  return compiled.sort((a, b) => compareText(a.path, b.path));
}

function describe(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (d.file === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  return `${d.file.fileName}:${line + 1}:${character + 1}: ${message}`;
}

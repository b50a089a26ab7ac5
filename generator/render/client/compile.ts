/**
 * The clients' TypeScript compiled to what a package ships: ES modules
 * (`.js`) and their declarations (`.d.ts`), by the TypeScript compiler in
 * memory, one file at a time. Every source is written to stand alone (each
 * export declares its own type, as `isolatedDeclarations` demands), so no file
 * needs another to be compiled: the output depends on each source alone, and
 * the same sources always give the same files. That makes them cacheable by
 * content (`compile-cache.ts`): a source compiled before is not compiled
 * again, and where every source was, the compiler is not even loaded.
 */
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";
import { GeneratorError } from "../../diagnostics.js";
import type { OutputFile } from "../../emit.js";
import { compareText } from "../../util/order.js";
import { compiledFromCache, compilerVersion, saveCompiled, type Compiled } from "./compile-cache.js";

type TS = typeof TypeScript;
let typescript: TS | undefined;

/**
 * The compiler, loaded on first use. TypeScript ships as one CommonJS file:
 * `require` loads it in about half the time of `import`, which first scans it
 * for ES module syntax and then for its named exports.
 */
function compiler(): TS {
  try {
    typescript ??= createRequire(import.meta.url)("typescript") as TS;
  } catch (error) {
    // An installed generator ships its runtime compiled (prebuilt-runtime.ts) and needs no compiler, unless its files were changed.
    throw new GeneratorError(
      "the clients' runtime must be compiled here, and the TypeScript compiler (the typescript package) cannot be loaded: " +
        "install it beside pco-codegen, or reinstall pco-codegen",
      { exitCode: 2, cause: error },
    );
  }
  return typescript;
}

/**
 * What the packages promise: ES2022 (Node 20, every current browser), ES
 * modules that keep their `.js` import paths as written, and declarations
 * that keep the doc comments. Numbers stand for the compiler's enums, so that
 * the options exist without loading it.
 */
const OPTIONS = {
  target: 9 satisfies TypeScript.ScriptTarget.ES2022,
  module: 7 satisfies TypeScript.ModuleKind.ES2022,
  moduleResolution: 100 satisfies TypeScript.ModuleResolutionKind.Bundler,
  strict: true,
  verbatimModuleSyntax: true,
  newLine: 1 satisfies TypeScript.NewLineKind.LineFeed,
} as const;

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
      const { js, dts } = compileOne(source);
      return [
        { path: `${stem}.js`, contents: js },
        { path: `${stem}.d.ts`, contents: dts },
      ];
    });
  return compiled.sort((a, b) => compareText(a.path, b.path));
}

function compileOne(source: OutputFile): Compiled {
  const identity = `${compilerVersion()}\0${JSON.stringify(OPTIONS)}\0${source.path}\0${source.contents}`;
  const cached = compiledFromCache(identity);
  if (cached !== undefined) return cached;
  const ts = compiler();
  const given = { fileName: source.path, compilerOptions: OPTIONS, reportDiagnostics: true };
  const js = ts.transpileModule(source.contents, given);
  const dts = ts.transpileDeclaration(source.contents, given);
  const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
  if (problems.length > 0)
    throw new GeneratorError(`${source.path} does not compile:\n${problems.map((d) => describe(ts, d)).join("\n")}`, { exitCode: 1 });
  const result = { js: js.outputText, dts: dts.outputText };
  saveCompiled(identity, result);
  return result;
}

function describe(ts: TS, d: TypeScript.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (d.file === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  return `${d.file.fileName}:${line + 1}:${character + 1}: ${message}`;
}

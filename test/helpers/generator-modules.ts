/**
 * The generator's own modules, each parsed with the TypeScript parser
 * (syntax only, no type-check): for the tests that hold the manual to the
 * code (test/docs/).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./corpus.js";

export const GENERATOR = path.join(REPO_ROOT, "generator");

export interface GeneratorModule {
  file: string;
  /** Its path under generator/, with `/` separators and without `.ts`: `spec/merge`. */
  name: string;
  source: ts.SourceFile;
}

export function generatorModules(): GeneratorModule[] {
  return readdirSync(GENERATOR, { recursive: true, encoding: "utf8" })
    .filter((relative) => relative.endsWith(".ts"))
    .sort()
    .map((relative) => {
      const file = path.join(GENERATOR, relative);
      const name = relative.replace(/\.ts$/, "").split(path.sep).join("/");
      return { file, name, source: ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest) };
    });
}

/**
 * The rules between stages (docs/architecture.md, "The rules between stages")
 * hold in the code: every relative import of every module under generator/
 * is read with the TypeScript parser, and each part of the generator imports
 * only from the parts its row of the table names. A type-only import is
 * allowed where the table says "the type of": it vanishes from the compiled
 * module, so no code of that part is loaded.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/corpus.js";
import { GENERATOR, generatorModules, type GeneratorModule } from "../helpers/generator-modules.js";

interface Rule {
  /** The parts whose modules it may load. */
  imports: readonly string[];
  /** Modules (paths under generator/, without `.ts`) it may import types from, and nothing else. */
  typesFrom?: readonly string[];
  /** Modules it may import values from, beyond its parts. */
  modules?: readonly string[];
}

/** The table of docs/architecture.md, as data; `*` is anything. */
const RULES: Readonly<Record<string, Rule>> = {
  "util/": { imports: [] },
  diagnostics: { imports: ["util/"] },
  "json-*": { imports: ["util/", "json-*"] },
  "path-name": { imports: ["diagnostics"] },
  "api-host": { imports: [] },
  format: { imports: ["util/"] },
  emit: { imports: ["util/", "diagnostics"] },
  "spec/": { imports: ["util/", "diagnostics", "json-*", "emit"], typesFrom: ["sources/reader-result"] },
  "sources/": { imports: ["spec/", "util/", "diagnostics", "json-*", "path-name", "api-host"] },
  "diff/": { imports: ["spec/", "util/", "diagnostics"], modules: ["sources/source-operand"], typesFrom: ["sources/portal/versions"] },
  "dataset/": { imports: ["spec/", "util/"] },
  "render/": { imports: ["spec/", "dataset/", "util/", "diagnostics", "emit", "format"] },
  "mock/": { imports: ["spec/", "dataset/", "util/", "diagnostics", "json-*"] },
  "changelog/": { imports: ["diff/", "util/", "format"] },
  "generate-record": { imports: ["spec/", "util/", "diagnostics", "emit"] },
  generate: { imports: ["render/", "spec/", "util/", "diagnostics", "emit", "generate-record"] },
  scrape: { imports: ["sources/", "spec/", "util/", "diagnostics", "emit", "path-name"] },
  "fuzz/": { imports: ["sources/", "spec/", "util/", "diagnostics", "scrape"] },
  "commands/": { imports: ["*"] },
  cli: { imports: ["*"] },
};

/** The part a module belongs to: its folder under generator/ (`spec/`), or its own name at the top (`emit` for emit.ts and emit/). */
function partOf(module: string): string {
  const [first, ...rest] = module.split("/");
  const name = first!;
  if (name.startsWith("json-")) return "json-*";
  if (name === "emit" || name === "generate") return name;
  return rest.length > 0 ? `${name}/` : name;
}

interface Import {
  from: string;
  /** The imported module, relative to generator/ and without `.ts`. */
  to: string;
  typeOnly: boolean;
}

/** The relative imports (and re-exports, and dynamic imports) of one module. */
function importsOf({ file, name: from, source }: GeneratorModule): Import[] {
  const found: Import[] = [];
  const add = (specifier: ts.Node | undefined, typeOnly: boolean) => {
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) return;
    const target = path
      .relative(GENERATOR, path.resolve(path.dirname(file), specifier.text))
      .split(path.sep)
      .join("/");
    found.push({ from, to: target.replace(/\.js$/, ""), typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const everyNameIsType =
        clause !== undefined &&
        clause.name === undefined &&
        clause.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || everyNameIsType);
    } else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Why an import breaks the rules, or undefined where it keeps them. */
function breach(imported: Import): string | undefined {
  const part = partOf(imported.from);
  const target = partOf(imported.to);
  const rule = RULES[part];
  if (rule === undefined) return `${imported.from}: its part (${part}) has no row in the table`;
  if (target === part || rule.imports.includes("*") || rule.imports.includes(target)) return undefined;
  if (rule.modules?.includes(imported.to)) return undefined;
  if (imported.typeOnly && rule.typesFrom?.includes(imported.to)) return undefined;
  return `${imported.from} imports ${imported.typeOnly ? "types from " : ""}${imported.to}, which ${part} may not`;
}

describe("the rules between stages", () => {
  const modules = generatorModules();
  const imports = modules.flatMap(importsOf);

  it("reads the imports of every module of the generator", () => {
    // Every module belongs to a part of the table, and the parser finds the imports: one that found none would pass the next test vacuously.
    const parts = new Set(modules.map((module) => partOf(module.name)));
    expect([...parts].sort()).toEqual(Object.keys(RULES).sort());
    expect(imports.filter((i) => i.to === "diagnostics").length).toBeGreaterThan(50);
  });

  it("every import is one the table allows", () => {
    expect(imports.flatMap((i) => breach(i) ?? [])).toEqual([]);
  });

  it("tells an import the table forbids, and a value imported where only its type may be", () => {
    expect(breach({ from: "render/openapi/document", to: "sources/openapi/reader", typeOnly: false })).toBe(
      "render/openapi/document imports sources/openapi/reader, which render/ may not",
    );
    expect(breach({ from: "spec/merge", to: "sources/reader-result", typeOnly: false })).toBe(
      "spec/merge imports sources/reader-result, which spec/ may not",
    );
    expect(breach({ from: "spec/merge", to: "sources/reader-result", typeOnly: true })).toBeUndefined();
    expect(breach({ from: "util/order", to: "diagnostics", typeOnly: true })).toBe(
      "util/order imports types from diagnostics, which util/ may not",
    );
  });

  it("the manual's table has a row for each part", () => {
    const page = readFileSync(path.join(REPO_ROOT, "docs", "architecture.md"), "utf8");
    const section = page.slice(page.indexOf("## The rules between stages"), page.indexOf("What the rules keep true"));
    const rows = [...section.matchAll(/^\| (.+?) \|/gm)].map((m) => m[1]!).filter((cell) => cell !== "folder" && !/^-+$/.test(cell));
    // `emit.ts` and `emit/` are one part, as are `generate.ts` and `generate/`.
    const partNamed = (name: string) => name.replace(/\.ts$/, "").replace(/^(emit|generate)\/$/, "$1");
    const named = new Set(rows.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => partNamed(m[1]!))));
    expect([...named].sort()).toEqual(Object.keys(RULES).sort());
  });
});

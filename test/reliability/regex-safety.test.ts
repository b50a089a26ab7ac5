/**
 * No regular expression of the generator or of the clients' runtime can
 * backtrack catastrophically: every pattern written in the code is analysed by
 * recheck (a ReDoS checker that proves a pattern's matching time linear or
 * finds an input that makes it polynomial or exponential). The fuzz finds slow
 * patterns by chance; this finds them by construction, in every file.
 *
 * Patterns built at run time (`new RegExp(...)` from variables) cannot be
 * analysed here; each is listed below with why it is safe, and a new one fails
 * the test until it is listed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkSync } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/corpus.js";

const FOLDERS = ["generator", "templates/runtime"];

/** `new RegExp` with a computed pattern: the file, the pattern's code, and why it runs in linear time. */
const BUILT_AT_RUN_TIME: Record<string, string> = {
  "generator/fuzz/mutations.ts new RegExp(pattern.source": "the fuzz's own literal patterns, given the global flag (analysed as literals)",
  "generator/spec/per-page.ts new RegExp(`\\\\b${key}=(\\\\d+)`": "a constant word, then digits",
  "generator/sources/portal-page/resource.ts new RegExp(`^([a-z_][a-z0-9_]*) (${ATTRIBUTE_TYPES.join":
    "anchored; classes separated by single spaces; a fixed list of type names",
  "generator/sources/portal-page/resource.ts new RegExp(`^([a-z_]+) ([a-z_]+) (${ATTRIBUTE_TYPES.join":
    "anchored; classes separated by single spaces; a fixed list of type names",
  "generator/sources/slate/html-limits.ts new RegExp(`</${name}`": "a fixed closing tag: no quantifier",
  "generator/scrape.ts new RegExp(specSchema.properties.version.pattern)":
    "the spec schema's version pattern, a constant: anchored, a date of fixed digits or one of two words",
};

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => path.posix.join(folder, file.split(path.sep).join("/"))),
  ).sort();
}

/** Every regular expression literal of a file, and the code of each `new RegExp(...)`. */
function patternsOf(file: string): { literals: Pattern[]; built: string[] } {
  const source = ts.createSourceFile(file, readFileSync(path.join(REPO_ROOT, file), "utf8"), ts.ScriptTarget.ES2022, true);
  const literals: Pattern[] = [];
  const built: string[] = [];
  const visit = (node: ts.Node): void => {
    const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText();
      const end = text.lastIndexOf("/");
      literals.push({ where, source: text.slice(1, end), flags: text.slice(end + 1) });
    } else if (ts.isNewExpression(node) && node.expression.getText() === "RegExp") {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern !== undefined && ts.isStringLiteralLike(pattern)) {
        literals.push({ where, source: pattern.text, flags: flags !== undefined && ts.isStringLiteralLike(flags) ? flags.text : "" });
      } else {
        built.push(`${file} ${node.getText()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, built };
}

describe("regular expressions", () => {
  const found = sourceFiles().map(patternsOf);
  const literals = found.flatMap((f) => f.literals);
  const built = found.flatMap((f) => f.built);

  it("written in the code all match in linear time", () => {
    // Well over a hundred: a collection that found none would prove nothing.
    expect(literals.length).toBeGreaterThan(150);
    const unsafe = literals.flatMap((pattern) => {
      const result = checkSync(pattern.source, pattern.flags, { timeout: 20_000 });
      if (result.status === "safe") return [];
      const attack = result.status === "vulnerable" ? `, e.g. ${result.attack.pattern}` : "";
      return [
        `${pattern.where} /${pattern.source}/${pattern.flags}: ${result.status}${"complexity" in result && result.complexity ? ` (${result.complexity.type})` : ""}${attack}`,
      ];
    });
    expect(unsafe).toEqual([]);
  }, 120_000);

  it("built at run time are each known and explained", () => {
    const unexplained = built.filter((code) => !Object.keys(BUILT_AT_RUN_TIME).some((known) => code.startsWith(known)));
    expect(unexplained).toEqual([]);
    const gone = Object.keys(BUILT_AT_RUN_TIME).filter((known) => !built.some((code) => code.startsWith(known)));
    expect(gone).toEqual([]);
  });
});

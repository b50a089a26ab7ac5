/**
 * docs/diagnostics.md lists every diagnostic code the generator can emit,
 * with its severity, and no code it cannot. The codes are read from the
 * generator's sources with the TypeScript parser: every string literal that is
 * a code (`PORTAL_…`, `SLATE_…`, `OPENAPI_…` and the other families), and
 * where a call states a severity before its code (`diagnostic("warning",
 * "CODE", …)`), that severity.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/corpus.js";
import { generatorModules } from "../helpers/generator-modules.js";

const CODE = /^(PORTAL|OPENAPI|SLATE|PAGE|DOC|SPEC|OVERRIDES?|SCRAPE|CLIENT|FIXTURE|DIFF)_[A-Z0-9_]+$/;
const SEVERITY = /^(error|warning|info)$/;

/** Every code of the generator, with the severities its calls state. */
function codesInSources(): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  for (const { source } of generatorModules()) {
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) && CODE.test(node.text) && !codes.has(node.text)) codes.set(node.text, new Set());
      if (ts.isCallExpression(node)) {
        const args = node.arguments;
        const at = args.findIndex((arg) => ts.isStringLiteralLike(arg) && CODE.test(arg.text));
        const severity = args.slice(0, Math.max(at, 0)).find((arg) => ts.isStringLiteralLike(arg) && SEVERITY.test(arg.text));
        if (at >= 0 && severity !== undefined) {
          const code = (args[at] as ts.StringLiteralLike).text;
          codes.set(code, (codes.get(code) ?? new Set()).add((severity as ts.StringLiteralLike).text));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return codes;
}

/** The rows of the page's tables: code → its severity cell. */
function codesInDocs(): Map<string, string> {
  const page = readFileSync(path.join(REPO_ROOT, "docs", "diagnostics.md"), "utf8");
  return new Map([...page.matchAll(/^\| `([A-Z0-9_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe("docs/diagnostics.md", () => {
  const sources = codesInSources();
  const docs = codesInDocs();

  it("reads the codes of the sources and the rows of the page", () => {
    // Both sides found what they look for: an empty pair would pass the comparisons below.
    expect(sources.size).toBeGreaterThan(100);
    expect(sources.get("PORTAL_INVALID_JSON")).toEqual(new Set(["error"]));
    expect(docs.get("PORTAL_INVALID_JSON")).toBe("error");
  });

  it("lists every code the generator can emit, and no other", () => {
    expect([...docs.keys()].sort()).toEqual([...sources.keys()].sort());
  });

  it("gives each code every severity its calls state", () => {
    const wrong = [...sources].flatMap(([code, severities]) =>
      [...severities].filter((severity) => !(docs.get(code) ?? "").includes(severity)).map((severity) => `${code}: ${severity}`),
    );
    expect(wrong).toEqual([]);
  });
});

/**
 * Every file of the project that the manual or a comment names as its
 * evidence (`test/mock/request-limits.test.ts`, `generator/emit/stage-tree.ts`)
 * exists: a test renamed or a module moved leaves no reader looking for it.
 * Only paths from the project's root are taken; a path inside a code example
 * (`../generator/mock/server.js`) is an import, not a file name.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/corpus.js";

/** A path from the root, into one of the project's own source folders, of a file kind they hold. */
const NAMED_FILE = /(?<![\w./-])(?:generator|test|bench|scripts|templates)\/[\w./-]+\.(?:ts|hbs|md)\b/g;

/** The Markdown of the manual: the README, `docs/` and the benchmark's README. */
function manualFiles(): string[] {
  const docs = readdirSync(path.join(REPO_ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`);
  return ["README.md", "bench/README.md", ...docs];
}

/** The TypeScript sources, where comments name the tests that hold them. */
function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `${folder}/${name.split(path.sep).join("/")}`);
}

function missingNames(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(path.join(REPO_ROOT, file), "utf8");
    const named = [...new Set(text.match(NAMED_FILE) ?? [])];
    return named.filter((name) => !existsSync(path.join(REPO_ROOT, name))).map((name) => `${file}: ${name}`);
  });
}

it("every project file the manual names exists", () => {
  const files = manualFiles();
  expect(files.length).toBeGreaterThan(10);
  expect(missingNames(files)).toEqual([]);
});

it("every project file a source comment names exists", () => {
  const files = ["generator", "bench", "scripts", "test"].flatMap(sourceFiles);
  expect(files.length).toBeGreaterThan(200);
  expect(missingNames(files)).toEqual([]);
});

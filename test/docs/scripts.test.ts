/**
 * The README's table of npm scripts and the Makefile that mirrors them name
 * every script of package.json (but npm's own lifecycle hooks), and nothing
 * that is not one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/corpus.js";

/** npm runs these itself (after `npm ci`, before `npm pack`): they are not commands of the project. */
const LIFECYCLE = new Set(["prepare", "prepack"]);

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), "utf8");
const scripts = Object.keys((JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts)
  .filter((name) => !LIFECYCLE.has(name))
  .sort();

it("the README's table has a row for every npm script", () => {
  const rows = [...read("README.md").matchAll(/^\| `npm (?:run ([a-z:]+)|(test))` \|/gm)].map((m) => m[1] ?? m[2]!);
  expect(rows.sort()).toEqual(scripts);
});

it("the Makefile has a target for every npm script, running it", () => {
  const makefile = read("Makefile");
  const targets = [...makefile.matchAll(/^([a-z-]+):\n\tnpm (?:run ([a-z:]+)|(test))$/gm)].map((m) => [m[1]!, m[2] ?? m[3]!] as const);
  expect(targets.map(([, script]) => script).sort()).toEqual(scripts);
  for (const [target, script] of targets) expect(target).toBe(script.replace(/:/g, "-"));
});

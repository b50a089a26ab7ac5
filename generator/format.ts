/**
 * Prettier, pinned exactly and called in-process with one config, so the same
 * code always formats to the same bytes. Formatting large generated files is
 * the slow part of `generate`, so results are cached on disk by content hash:
 * an unchanged file is never formatted twice.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { cacheRoot } from "./util/cache-root.js";
import { readOwnFile } from "./util/read-capped.js";
import { writeCacheFile } from "./util/write-whole.js";

export type Parser = "typescript" | "markdown" | "json" | "yaml";

export const PRETTIER_OPTIONS = {
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
  proseWrap: "preserve",
} as const;

type Prettier = typeof import("prettier");
let prettier: Promise<Prettier> | undefined;
let cacheKeyPrefix: Promise<string> | undefined;

/** Prettier's version, read without loading prettier itself (the cache exists to avoid that). */
async function prettierVersion(): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve("prettier/package.json");
  return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
}

/** Formatted code, by the hash of what was formatted. */
export function formatCacheDir(): string {
  return path.join(cacheRoot(), "prettier");
}

/**
 * TypeScript goes through prettier's babel-ts parser: it prints the code we
 * generate exactly as the typescript parser does, in about two thirds of the time.
 */
const PRETTIER_PARSER: Record<Parser, string> = { typescript: "babel-ts", markdown: "markdown", json: "json", yaml: "yaml" };

export async function format(source: string, parser: Parser): Promise<string> {
  cacheKeyPrefix ??= prettierVersion().then((v) => `${v}\u0000${JSON.stringify(PRETTIER_OPTIONS)}\u0000`);
  const key = createHash("sha256")
    .update(`${await cacheKeyPrefix}${PRETTIER_PARSER[parser]}\u0000${source}`)
    .digest("hex");
  const file = path.join(formatCacheDir(), key.slice(0, 2), key);
  const cached = readOwnFile(file);
  if (cached !== undefined) return cached.toString("utf8");
  prettier ??= import("prettier");
  const formatted = await (await prettier).format(source, { ...PRETTIER_OPTIONS, parser: PRETTIER_PARSER[parser] });
  writeCacheFile(file, [formatted]);
  return formatted;
}

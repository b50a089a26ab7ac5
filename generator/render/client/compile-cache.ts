/**
 * Compiled clients, by the compiler's version, its options and the source:
 * the same source always compiles to the same files, so a source compiled
 * once is read back instead of loading the compiler again.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { contentCache } from "../../util/content-cache.js";

export interface Compiled {
  js: string;
  dts: string;
}

const cache = contentCache("compiled");
let version: string | undefined;

/** TypeScript's version, read from its manifest without loading the compiler. */
export function compilerVersion(): string {
  if (version === undefined) {
    const manifest = createRequire(import.meta.url).resolve("typescript/package.json");
    version = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  }
  return version;
}

export function compiledFromCache(identity: string): Compiled | undefined {
  const text = cache.read(`pco-codegen compiled 1\0${identity}`);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Compiled>;
    return typeof value.js === "string" && typeof value.dts === "string" ? { js: value.js, dts: value.dts } : undefined;
  } catch {
    return undefined;
  }
}

export function saveCompiled(identity: string, compiled: Compiled): void {
  cache.write(`pco-codegen compiled 1\0${identity}`, JSON.stringify(compiled));
}

/**
 * The real documentation corpus, read in place (never copied into the project).
 * `PCO_DOCS_DIR` points at it; by default `../shared/docs` beside the checkout.
 * Where it is absent, corpus tests are skipped with a note, except under
 * `CI=true`, where its absence fails the run.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const DOCS_DIR = path.resolve(REPO_ROOT, process.env.PCO_DOCS_DIR ?? "../shared/docs");

/** Planning Center's eleven apps, as the developer portal lists them (written out here, not taken from the generator). */
export const PCO_APPS = [
  "api",
  "calendar",
  "check-ins",
  "current",
  "giving",
  "groups",
  "people",
  "publishing",
  "registrations",
  "services",
  "webhooks",
];

export const corpusAvailable = existsSync(path.join(DOCS_DIR, "portal"));

/** A path inside the corpus, relative to the working directory as the CLI would record it. */
export function corpusPath(...parts: string[]): string {
  return path
    .relative(process.cwd(), path.join(DOCS_DIR, ...parts))
    .split(path.sep)
    .join("/");
}

/** `describe` for tests that need the corpus. */
export function describeCorpus(name: string, body: () => void): void {
  if (corpusAvailable) {
    describe(name, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      throw new Error(`the documentation corpus is missing at ${DOCS_DIR} (set PCO_DOCS_DIR); CI requires it`);
    });
    return;
  }
  console.warn(`note: skipping "${name}": no documentation corpus at ${DOCS_DIR} (set PCO_DOCS_DIR)`);
  describe.skip(name, body);
}

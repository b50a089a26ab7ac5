/**
 * What the validators report, in one shape, and the warnings docs/openapi.md
 * explains: a rule not listed here fails the lint tests until it is fixed or
 * explained.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { RenderedDocument } from "./documents.js";

export const EXPLAINED_WARNINGS = {
  redocly: ["info-license", "no-ambiguous-paths", "no-unused-components"],
  spectral: ["info-contact", "oas3-unused-component"],
};

export interface Problem {
  /** The document's file name. */
  file: string;
  rule: string;
  severity: "error" | "warning";
  message: string;
  /** Where in the document, as a JSON pointer or path. */
  where: string;
}

/** The documents in a fresh temporary folder, under their own file names. */
export function writeDocuments(documents: readonly RenderedDocument[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), "pco-openapi-"));
  for (const d of documents) writeFileSync(path.join(folder, path.basename(d.path)), d.text);
  return folder;
}

export const rulesOf = (problems: readonly Problem[]): string[] => [...new Set(problems.map((p) => p.rule))].sort();

/**
 * The only unused components may be resource objects: one is written for
 * every resource, returned by an operation or not, so that tools can look
 * any type up.
 */
export function expectUnusedOnlyResourceObjects(documents: readonly RenderedDocument[], unused: readonly Problem[]): void {
  for (const problem of unused) {
    const document = documents.find((d) => path.basename(d.path) === problem.file)!.document;
    const key = /components\/schemas\/([^/]+)$/.exec(problem.where)?.[1];
    expect(key, `${problem.file}: ${problem.where}`).toBeDefined();
    expect(document.components.schemas![key!], `${problem.file}: ${key}`).toMatchObject({
      required: ["type", "id"],
      properties: { type: { const: expect.any(String) } },
    });
  }
}

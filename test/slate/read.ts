/** Reading documentation the way `scrape` does, for the Slate and portal-page tests. */
import { readFileSync } from "node:fs";
import { collectSpecs, type ScrapeResult } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { NO_OVERRIDES } from "../../generator/spec/overrides.js";
import type { Diagnostic } from "../../generator/diagnostics.js";
import type { Spec } from "../../generator/spec/types.js";

export const FIXTURES = "test/fixtures/slate";

/** The docs as the readers read them, errors and all: the fixes of `overrides.json` are tested on their own (test/reliability/overrides.test.ts). */
export function scrape(...from: string[]): Promise<ScrapeResult> {
  return collectSpecs({ from: from.map(parseSourceOperand), versions: { kind: "latest" }, overrides: NO_OVERRIDES });
}

/** A spec as the comparison of renderings sees it: everything but where it was read from. */
export function withoutSource(spec: Spec): Omit<Spec, "source"> {
  const { source: _source, ...rest } = spec;
  return rest;
}

export const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");

export function specOf(result: ScrapeResult, app: string): Spec {
  const spec = result.specs.find((s) => s.app === app);
  if (spec === undefined) throw new Error(`no spec for ${app}; specs: ${result.specs.map((s) => s.app).join(", ")}`);
  return spec;
}

/** The 1-based line of a file holding `text`, found in the file itself. */
export function lineOf(file: string, text: string, occurrence = 1): number {
  const lines = readFileSync(file, "utf8").split("\n");
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(text) && ++seen === occurrence);
  if (index === -1) throw new Error(`${file} has no line with ${text}`);
  return index + 1;
}

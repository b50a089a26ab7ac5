/**
 * Every document passes the three standard validators with no error:
 * swagger-parser's validate, Redocly CLI's `recommended` ruleset and
 * Spectral's `spectral:oas`. Warnings may only be of the rules docs/openapi.md
 * explains. Redocly CLI bundles its core, so it runs as a process, once over
 * every file, while the other two run here.
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import spectralCore, { type RulesetDefinition } from "@stoplight/spectral-core";
import spectralParsers from "@stoplight/spectral-parsers";
import spectralRulesets from "@stoplight/spectral-rulesets";
import { afterAll, beforeAll, expect, it } from "vitest";
import { allDocuments, type RenderedDocument } from "./documents.js";
import { EXPLAINED_WARNINGS, expectUnusedOnlyResourceObjects, rulesOf, writeDocuments, type Problem } from "./lint.js";

type ApiDocument = Parameters<typeof SwaggerParser.validate>[0];

let documents: RenderedDocument[];
let folder: string;
let redocly: Promise<Problem[]>;

beforeAll(async () => {
  documents = await allDocuments();
  folder = writeDocuments(documents);
  redocly = redoclyLint(
    folder,
    documents.map((d) => path.basename(d.path)),
  );
  redocly.catch(() => undefined); // awaited by its test; not an unhandled rejection meanwhile
});

afterAll(async () => {
  await redocly.catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
});

it("swagger-parser validates every document", async () => {
  for (const d of documents) {
    // validate() dereferences what it is given: it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(d.document) as unknown as ApiDocument), d.path).resolves.toBeDefined();
  }
}, 600_000); // every document dereferenced in turn, the largest with thousands of parameters

it("Spectral finds no error, and only warnings docs/openapi.md explains", async () => {
  const spectral = new spectralCore.Spectral();
  // The rulesets package is typed against its own copy of spectral-core.
  spectral.setRuleset({ extends: [[spectralRulesets.oas as RulesetDefinition, "recommended"]] });
  const problems: Problem[] = [];
  for (const d of documents) {
    const results = await spectral.run(new spectralCore.Document(d.text, spectralParsers.Json, d.path));
    for (const r of results) {
      problems.push({
        file: path.basename(d.path),
        rule: String(r.code),
        severity: r.severity === 0 ? "error" : "warning",
        message: r.message,
        where: r.path.join("/"),
      });
    }
  }
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  for (const rule of rulesOf(problems)) expect(EXPLAINED_WARNINGS.spectral).toContain(rule);
  expectUnusedOnlyResourceObjects(
    documents,
    problems.filter((p) => p.rule === "oas3-unused-component"),
  );
}, 600_000); // Spectral walks each of the large documents (calendar's has thousands of parameters) in turn

it("Redocly finds no error, and only warnings docs/openapi.md explains", async () => {
  const problems = await redocly;
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  for (const rule of rulesOf(problems)) expect(EXPLAINED_WARNINGS.redocly).toContain(rule);
  expectUnusedOnlyResourceObjects(
    documents,
    problems.filter((p) => p.rule === "no-unused-components"),
  );
});

interface RedoclyReport {
  problems: { ruleId: string; severity: string; message: string; location: { source: { ref: string }; pointer: string }[] }[];
}

async function redoclyLint(cwd: string, files: string[]): Promise<Problem[]> {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin/cli.js");
  const args = [cli, "lint", "--format=json", "--max-problems=100000", "--extends=recommended", ...files];
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };
  const stdout = await promisify(execFile)(process.execPath, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 }).then(
    (r) => r.stdout,
    // It exits 1 when it finds an error; its report is on stdout all the same.
    (error: { code?: number; stdout?: string }) => {
      if (error.code === 1 && error.stdout) return error.stdout;
      throw error;
    },
  );
  return parseReports(stdout).flatMap((report) =>
    report.problems.map((p) => ({
      file: p.location[0]?.source.ref ?? "",
      rule: p.ruleId,
      severity: p.severity === "error" ? ("error" as const) : ("warning" as const),
      message: p.message,
      where: p.location[0]?.pointer ?? "",
    })),
  );
}

/** `--format=json` prints one report per file, each a JSON object, back to back. */
function parseReports(stdout: string): RedoclyReport[] {
  return stdout
    .trim()
    .split(/\n\}\{\n/)
    .map((part, i, parts) => JSON.parse(`${i > 0 ? "{\n" : ""}${part}${i < parts.length - 1 ? "\n}" : ""}`) as RedoclyReport);
}

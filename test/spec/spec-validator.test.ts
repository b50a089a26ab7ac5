/**
 * The spec schema's validator, compiled once and then evaluated from the
 * cache, judges specs exactly as a freshly compiled one does.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specSchema } from "../../generator/spec/schema.js";
import { compileSpecValidator } from "../../generator/spec/spec-validator.js";
import { REPO_ROOT } from "../helpers/corpus.js";

let cache: string;
const previous = process.env.PCO_CODEGEN_CACHE;
beforeAll(() => {
  cache = mkdtempSync(path.join(tmpdir(), "pco-validator-cache-"));
  process.env.PCO_CODEGEN_CACHE = cache;
});
afterAll(() => {
  if (previous === undefined) delete process.env.PCO_CODEGEN_CACHE;
  else process.env.PCO_CODEGEN_CACHE = previous;
  rmSync(cache, { recursive: true, force: true });
});

describe("compileSpecValidator", () => {
  it("gives the verdicts and errors of a freshly compiled validator, from the cache the first call filled", () => {
    const reference = new Ajv({ allErrors: true, strict: true }).compile(specSchema);
    const valid = JSON.parse(readFileSync(path.join(REPO_ROOT, "spec", "people", "2025-03-20.json"), "utf8")) as Record<string, unknown> & {
      resources: { attributes: { type: unknown }[] }[];
    };
    const broken = structuredClone(valid);
    delete broken.app;
    broken.resources[0]!.attributes[0]!.type = 5;
    const first = compileSpecValidator();
    expect(readdirSync(path.join(cache, "validators"))).toHaveLength(1);
    const cached = compileSpecValidator();
    for (const spec of [valid, broken, {}, "not a spec"]) {
      const expected = reference(spec);
      for (const validate of [first, cached]) {
        expect(validate(spec)).toBe(expected);
        expect(validate.errors ?? null).toEqual(reference.errors ?? null);
      }
    }
    expect(reference(broken)).toBe(false);
  });
});

/**
 * The schemas' validators, compiled once and then evaluated from the cache,
 * judge documents exactly as freshly compiled ones do.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv, type Options } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../generator/emit.js";
import { OVERRIDES_SCHEMA, OVERRIDES_VALIDATOR_OPTIONS } from "../../generator/spec/overrides.js";
import { specSchema } from "../../generator/spec/schema.js";
import { SPEC_VALIDATOR_OPTIONS } from "../../generator/spec/spec-validator.js";
import { cachedValidator } from "../../generator/util/cached-validator.js";
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

const read = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), "utf8")) as Record<string, unknown>;

/** A valid document of the schema, and the same broken in two places. */
function documents(valid: Record<string, unknown>, breakIt: (doc: Record<string, unknown>) => void): unknown[] {
  const broken = structuredClone(valid);
  breakIt(broken);
  return [valid, broken, {}, "not a document"];
}

describe("cachedValidator", () => {
  const cases: [string, object, Options, unknown[]][] = [
    [
      "the spec schema",
      specSchema,
      SPEC_VALIDATOR_OPTIONS,
      documents(read("spec/people/2025-03-20.json"), (doc) => {
        delete doc.app;
        (doc.resources as { attributes: { type: unknown }[] }[])[0]!.attributes[0]!.type = 5;
      }),
    ],
    [
      "the overrides schema",
      OVERRIDES_SCHEMA,
      OVERRIDES_VALIDATOR_OPTIONS,
      documents(read("overrides.json"), (doc) => {
        (doc.overrides as Record<string, unknown>[])[0]!.app = 5;
        doc.extra = true;
      }),
    ],
  ];
  it.each(cases)("gives %s's verdicts and errors as compiled afresh, from the cache the first call filled", async (_, schema, options, docs) => {
    const entries = () => listFiles(path.join(cache, "validators")).catch(() => [] as string[]);
    const before = (await entries()).length;
    const reference = new Ajv(options).compile(schema);
    const first = cachedValidator(schema, options);
    const cached = cachedValidator(schema, options);
    for (const doc of docs) {
      const expected = reference(doc);
      for (const validate of [first, cached]) {
        expect(validate(doc)).toBe(expected);
        expect(validate.errors ?? null).toEqual(reference.errors ?? null);
      }
    }
    expect(reference(docs[1])).toBe(false);
    expect((await entries()).length).toBe(before + 1);
  });
});

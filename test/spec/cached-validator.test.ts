/**
 * The schemas' validators, evaluated from the build's copy or from the cache
 * instead of compiled, judge documents exactly as freshly compiled ones do;
 * a copy that is missing or broken only means a compile.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv, type Options } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../generator/emit.js";
import { OVERRIDES_SCHEMA, OVERRIDES_VALIDATOR_OPTIONS } from "../../generator/spec/overrides.js";
import { writePrebuiltValidators } from "../../generator/spec/prebuilt-validators.js";
import { specSchema } from "../../generator/spec/schema.js";
import { SPEC_VALIDATOR_OPTIONS } from "../../generator/spec/spec-validator.js";
import { cachedValidator, PREBUILT_FORMAT, validatorKey } from "../../generator/util/cached-validator.js";
import { REPO_ROOT } from "../helpers/corpus.js";

let folder: string;
const previous = process.env.PCO_CODEGEN_CACHE;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "pco-validator-cache-"));
  process.env.PCO_CODEGEN_CACHE = path.join(folder, "cache");
});
afterAll(() => {
  if (previous === undefined) delete process.env.PCO_CODEGEN_CACHE;
  else process.env.PCO_CODEGEN_CACHE = previous;
  rmSync(folder, { recursive: true, force: true });
});

const read = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), "utf8")) as Record<string, unknown>;
const cacheEntries = () => listFiles(path.join(folder, "cache", "validators")).catch(() => [] as string[]);

/** A valid document of the schema, and the same broken in two places. */
function documents(valid: Record<string, unknown>, breakIt: (doc: Record<string, unknown>) => void): unknown[] {
  const broken = structuredClone(valid);
  breakIt(broken);
  return [valid, broken, {}, "not a document"];
}

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

function expectVerdictsOfAFreshCompile(schema: object, options: Options, docs: unknown[], validators: ReturnType<typeof cachedValidator>[]) {
  const reference = new Ajv(options).compile(schema);
  for (const doc of docs) {
    const expected = reference(doc);
    for (const validate of validators) {
      expect(validate(doc)).toBe(expected);
      expect(validate.errors ?? null).toEqual(reference.errors ?? null);
    }
  }
  expect(reference(docs[1])).toBe(false);
}

describe("cachedValidator", () => {
  it.each(cases)("gives %s's verdicts and errors from the build's copy, compiling nothing", async (name, schema, options, docs) => {
    const prebuilt = path.join(folder, `prebuilt-${name.replaceAll(" ", "-")}.json`);
    writePrebuiltValidators(prebuilt);
    const before = (await cacheEntries()).length;
    expectVerdictsOfAFreshCompile(schema, options, docs, [cachedValidator(schema, options, prebuilt)]);
    expect((await cacheEntries()).length).toBe(before);
  });

  it.each(cases)("without the build's copy, gives %s's verdicts from the cache the first call filled", async (name, schema, options, docs) => {
    const none = path.join(folder, `absent-${name.replaceAll(" ", "-")}.json`);
    const before = (await cacheEntries()).length;
    const first = cachedValidator(schema, options, none);
    expect((await cacheEntries()).length).toBe(before + 1);
    expectVerdictsOfAFreshCompile(schema, options, docs, [first, cachedValidator(schema, options, none)]);
  });

  it("falls back to the cache or a compile where the build's copy holds code that does not run", () => {
    const [, schema, options, docs] = cases[0]!;
    const broken = path.join(folder, "broken.json");
    writeFileSync(broken, JSON.stringify({ format: PREBUILT_FORMAT, validators: { [validatorKey(schema, options)]: "this is not code" } }));
    expectVerdictsOfAFreshCompile(schema, options, docs, [cachedValidator(schema, options, broken)]);
  });
});

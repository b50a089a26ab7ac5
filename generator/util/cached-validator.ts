/**
 * JSON Schema validators that are compiled once per schema, not once per run.
 * Compiling a schema with ajv costs several times what validating every spec
 * does, and every `scrape` and `generate` needs its validators. ajv's
 * standalone code for a schema is evaluated instead of compiled: from
 * `dist/validators.json`, which the build writes for the schemas the
 * generator has (spec/prebuilt-validators.ts), else from the cache, keyed by
 * the schema, ajv's version and the options. Both only save time: without
 * them, the schema is compiled.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Options, ValidateFunction } from "ajv";
import { contentCache } from "./content-cache.js";
import { packageRoot } from "./package-root.js";
import { readOwnJson } from "./read-capped.js";

const require = createRequire(import.meta.url);
const cache = contentCache("validators");
let ajvVersion: string | undefined;

export const PREBUILT_VALIDATORS = path.join(packageRoot(), "dist", "validators.json");
export const PREBUILT_FORMAT = "pco-codegen prebuilt validators 1";
/** Each prebuilt file as read, by path: read once per run. */
const prebuiltFiles = new Map<string, Record<string, unknown>>();

function identity(schema: object, options: Options): string {
  ajvVersion ??= (JSON.parse(readFileSync(require.resolve("ajv/package.json"), "utf8")) as { version: string }).version;
  return `pco-codegen validator 2\0${ajvVersion}\0${JSON.stringify(options)}\0${JSON.stringify(schema)}`;
}

const hashOf = (identity: string): string => createHash("sha256").update(identity).digest("hex");

/** What names a schema's standalone code in `dist/validators.json`: the hash of everything that decides it. */
export const validatorKey = (schema: object, options: Options): string => hashOf(identity(schema, options));

/** Standalone code is a CommonJS module whose requires name ajv's runtime helpers: it runs with this module's require. */
function evaluate(code: string): ValidateFunction {
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "exports", code)(require, module, module.exports);
  return (module.exports.default ?? module.exports) as ValidateFunction;
}

/** ajv itself is loaded only to compile: a run that finds every validator built or cached never loads it. */
function compiled(schema: object, options: Options): { validate: ValidateFunction; code: string } {
  const { Ajv } = require("ajv") as typeof import("ajv");
  const standaloneCode = require("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js");
  const ajv = new Ajv({ ...options, code: { source: true } });
  const validate = ajv.compile(schema);
  return { validate, code: standaloneCode.default(ajv, validate) };
}

/** The standalone code of a schema's validator, as the build writes it. */
export const standaloneValidator = (schema: object, options: Options): string => compiled(schema, options).code;

/** The code the build wrote for this key; undefined where there is none (no build, or a schema it did not know). */
function prebuiltCode(file: string, key: string): string | undefined {
  let validators = prebuiltFiles.get(file);
  if (validators === undefined) {
    const read = readOwnJson(file);
    validators =
      read?.format === PREBUILT_FORMAT && typeof read.validators === "object" && read.validators !== null ? { ...read.validators } : {};
    prebuiltFiles.set(file, validators);
  }
  const code = Object.hasOwn(validators, key) ? validators[key] : undefined;
  return typeof code === "string" ? code : undefined;
}

function evaluated(code: string | undefined): ValidateFunction | undefined {
  if (code === undefined) return undefined;
  try {
    return evaluate(code);
  } catch {
    return undefined; // code that does not run: the next source, or a compile
  }
}

/** `prebuilt`: the build's file of validators (a test names another). */
export function cachedValidator(schema: object, options: Options, prebuilt = PREBUILT_VALIDATORS): ValidateFunction {
  // The schema is serialized once: it names the code both in the build's file and in the cache.
  const key = identity(schema, options);
  const ready = evaluated(prebuiltCode(prebuilt, hashOf(key))) ?? evaluated(cache.read(key));
  if (ready !== undefined) return ready;
  const { validate, code } = compiled(schema, options);
  cache.write(key, code);
  return validate;
}

/**
 * JSON Schema validators that are compiled once per schema, not once per run.
 * Compiling a schema with ajv costs several times what validating every spec
 * does, and every `scrape` and `generate` needs its validators: ajv's
 * standalone code for a schema is kept in the cache, keyed by the schema,
 * ajv's version and the options, and evaluated instead of compiled. The cache
 * only saves time: without it, the schema is compiled.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type Options, type ValidateFunction } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { contentCache } from "./content-cache.js";

const require = createRequire(import.meta.url);
const cache = contentCache("validators");
let ajvVersion: string | undefined;

function identity(schema: object, options: Options): string {
  ajvVersion ??= (JSON.parse(readFileSync(require.resolve("ajv/package.json"), "utf8")) as { version: string }).version;
  return `pco-codegen validator 2\0${ajvVersion}\0${JSON.stringify(options)}\0${JSON.stringify(schema)}`;
}

/** Standalone code is a CommonJS module whose requires name ajv's runtime helpers: it runs with this module's require. */
function evaluate(code: string): ValidateFunction {
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "exports", code)(require, module, module.exports);
  return (module.exports.default ?? module.exports) as ValidateFunction;
}

export function cachedValidator(schema: object, options: Options): ValidateFunction {
  const key = identity(schema, options);
  const code = cache.read(key);
  if (code !== undefined) {
    try {
      return evaluate(code);
    } catch {
      // an entry that does not run: compile
    }
  }
  const ajv = new Ajv({ ...options, code: { source: true } });
  const validate = ajv.compile(schema);
  cache.write(key, standaloneCode.default(ajv, validate));
  return validate;
}

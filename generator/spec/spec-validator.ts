/**
 * The spec schema's validator. Compiling the schema with ajv costs several
 * times what validating every spec does, and every `scrape` and `generate`
 * needs it: ajv's standalone code for the schema is kept in the cache, keyed
 * by the schema, ajv's version and the options, and evaluated instead of
 * compiled. The cache only saves time: without it, the schema is compiled.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { cacheRoot } from "../util/cache-root.js";
import { specSchema } from "./schema.js";

const require = createRequire(import.meta.url);
const OPTIONS = { allErrors: true, strict: true } as const;

function cacheFile(): string {
  const ajvVersion = (JSON.parse(readFileSync(require.resolve("ajv/package.json"), "utf8")) as { version: string }).version;
  const key = createHash("sha256").update(`pco-codegen spec validator 1\0${ajvVersion}\0${JSON.stringify(OPTIONS)}\0${JSON.stringify(specSchema)}`).digest("hex");
  return path.join(cacheRoot(), "validators", `${key}.cjs`);
}

/** Standalone code is a CommonJS module whose requires name ajv's runtime helpers: it runs with this module's require. */
function evaluate(code: string): ValidateFunction {
  const module = { exports: {} as Record<string, unknown> };
  new Function("require", "module", "exports", code)(require, module, module.exports);
  return (module.exports.default ?? module.exports) as ValidateFunction;
}

export function compileSpecValidator(): ValidateFunction {
  let file: string | undefined;
  try {
    file = cacheFile();
    return evaluate(readFileSync(file, "utf8"));
  } catch {
    // not cached yet, or unreadable: compile
  }
  const ajv = new Ajv({ ...OPTIONS, code: { source: true } });
  const validate = ajv.compile(specSchema);
  if (file !== undefined) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, standaloneCode.default(ajv, validate));
      renameSync(temporary, file);
    } catch {
      // a read-only cache only costs speed
    }
  }
  return validate;
}

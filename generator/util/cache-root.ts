/**
 * The generator's own caches (formatted code, the record of the last
 * generate): `node_modules/.cache/pco-codegen` under the working directory, or
 * `$PCO_CODEGEN_CACHE`. Everything in it can be deleted; it only saves time.
 */
import path from "node:path";

export function cacheRoot(): string {
  return process.env.PCO_CODEGEN_CACHE || path.join(process.cwd(), "node_modules", ".cache", "pco-codegen");
}

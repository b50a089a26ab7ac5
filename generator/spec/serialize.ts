/**
 * The one way a spec becomes bytes: 2-space indent, LF, a final newline, keys
 * in the order normalization built them.
 */
import type { Spec } from "./types.js";

export function serializeSpec(spec: Spec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** `<app>/<version>.json`, relative to the spec folder. */
export function specFileName(spec: Pick<Spec, "app" | "version">): string {
  return `${spec.app}/${spec.version}.json`;
}

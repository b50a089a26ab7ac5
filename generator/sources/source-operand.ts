/**
 * `--from` values: `<kind>:<location>`, e.g. `portal:../docs/portal/captured-2025-07`
 * or `portal:https://api.planningcenteronline.com`.
 */
import { GeneratorError } from "../diagnostics.js";
import { trimEndOf } from "../util/trim-chars.js";

export const SOURCE_KINDS = ["portal", "slate", "portal-page", "openapi"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface SourceOperand {
  kind: SourceKind;
  /** A folder or file as the user wrote it, or a URL. */
  location: string;
  isUrl: boolean;
}

export function parseSourceOperand(text: string): SourceOperand {
  const match = /^([a-z-]+):(.+)$/s.exec(text.trim());
  const kind = match?.[1];
  if (match === null || kind === undefined || !(SOURCE_KINDS as readonly string[]).includes(kind)) {
    throw new GeneratorError(`--from "${text}" is not <kind>:<folder|file|url>, with kind one of ${SOURCE_KINDS.join(", ")}`, {
      exitCode: 2,
    });
  }
  const location = match[2]!.trim();
  return { kind: kind as SourceKind, location: trimEndOf(location, "/") || location, isUrl: /^https?:\/\//i.test(location) };
}

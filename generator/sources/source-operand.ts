/**
 * `--from` values: `<kind>:<location>`, e.g. `portal:../docs/portal/captured-2025-07`
 * or `portal:https://api.planningcenteronline.com`.
 *
 * A location that starts with a scheme (`ftp://`, `https://`) is a URL, never a
 * folder, and only http and https are read. A URL with a user name or password
 * is refused and never repeated: the documentation needs no credentials, and
 * what is given would go to the docs' host, into error messages and into each
 * spec's `source`.
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

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function parseSourceOperand(text: string): SourceOperand {
  const match = /^([a-z-]+):(.+)$/s.exec(text.trim());
  const kind = match?.[1];
  if (match === null || kind === undefined || !(SOURCE_KINDS as readonly string[]).includes(kind)) {
    throw usageError(`--from "${withoutUserInfo(text)}" is not <kind>:<folder|file|url>, with kind one of ${SOURCE_KINDS.join(", ")}`);
  }
  const location = match[2]!.trim();
  const isUrl = SCHEME.test(location);
  if (isUrl) checkUrl(`${kind}:${withoutUserInfo(location)}`, location);
  return { kind: kind as SourceKind, location: trimEndOf(location, "/") || location, isUrl };
}

function checkUrl(shown: string, location: string): void {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw usageError(`--from "${shown}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw usageError(`--from "${shown}": only http and https URLs are read, not ${url.protocol.slice(0, -1)}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw usageError(`--from "${shown}": a URL with a user name or password is refused; the documentation needs no credentials`);
  }
}

/** The text with a URL's user name and password (what stands between `://` and the host's `@`) shown as `***`. */
function withoutUserInfo(text: string): string {
  const scheme = text.indexOf("://");
  if (scheme === -1) return text;
  const start = scheme + 3;
  const rest = text.slice(start);
  const end = rest.search(/[/?#]/);
  const at = (end === -1 ? rest : rest.slice(0, end)).lastIndexOf("@");
  return at === -1 ? text : `${text.slice(0, start)}***${text.slice(start + at)}`;
}

const usageError = (message: string): GeneratorError => new GeneratorError(message, { exitCode: 2 });

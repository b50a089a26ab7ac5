/**
 * How the diff stage has documentation read into specs. The diff compares
 * specs and knows nothing of readers: the command that runs it passes the
 * scrape's reading in, with the HTTP options and progress it chose.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { VersionChoice } from "../sources/portal/versions.js";
import type { SourceOperand } from "../sources/source-operand.js";
import type { Spec } from "../spec/types.js";

export interface DocsRequest {
  from: readonly SourceOperand[];
  apps?: readonly string[];
  versions: VersionChoice;
}

/** Reads the docs the request names into specs; docs with errors give error diagnostics, no partial specs. */
export type ReadDocs = (request: DocsRequest) => Promise<{ specs: Spec[]; diagnostics: Diagnostic[] }>;

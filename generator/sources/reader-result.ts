/** What every documentation reader returns, whatever its format. */
import type { Diagnostic } from "../diagnostics.js";
import type { SpecDraft } from "../spec/draft.js";

/** One app-version and the diagnostics that concern it alone. */
export interface DraftRead {
  draft: SpecDraft;
  diagnostics: Diagnostic[];
}

export interface SourceRead {
  drafts: DraftRead[];
  /** Diagnostics about the source as a whole. */
  diagnostics: Diagnostic[];
  /** What the reader found the source to be, for the user: "Slate markdown, .../index.md with 6 includes". */
  detected?: string;
}

export interface ProgressEvent {
  done: number;
  total: number;
  label: string;
}

export interface ReadContext {
  onProgress?: (event: ProgressEvent) => void;
}

/**
 * The warning for a document whose bytes were not all UTF-8 (`util/decode-text.ts`): each byte that was not is read as
 * U+FFFD, so a description keeps its other words, and the warning says where the first stood. A file saved as Latin-1 or
 * Windows-1252 after an edit is the usual cause.
 */
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { RawDocument } from "./portal/store.js";

export function undecodableBytes(document: RawDocument): Diagnostic[] {
  const at = document.undecodable;
  if (at === undefined) return [];
  const problem = "bytes that are not UTF-8 (the docs' encoding), the first here, each read as U+FFFD; save the file as UTF-8";
  return [diagnostic("warning", "DOC_NOT_UTF8", problem, { file: document.location, ...at })];
}

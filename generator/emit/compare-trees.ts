/**
 * An output folder against the files a plan would write: which are missing,
 * which differ, which owned files the plan no longer has. A file whose size
 * differs is not read; the others are read one at a time and compared as
 * bytes, so that comparing a large tree holds one of its files in memory at
 * a time, beside the plan itself.
 */
import path from "node:path";
import { compareText } from "../util/order.js";
import type { OutputFile, TreeDifference } from "../emit.js";
import { listFiles } from "../emit.js";
import { sameContents } from "./same-contents.js";

export async function compareTrees(
  root: string,
  files: readonly OutputFile[],
  owns: (relative: string) => boolean,
): Promise<TreeDifference> {
  const existing = new Set((await listFiles(root)).filter(owns));
  const planned = new Set(files.map((f) => f.path));
  const verdicts = files.map((file): "missing" | "changed" | "same" => {
    if (!existing.has(file.path)) return "missing";
    return sameContents(path.join(root, file.path), file.pieces ?? file.contents) ? "same" : "changed";
  });
  const pick = (verdict: string) =>
    files
      .filter((_, i) => verdicts[i] === verdict)
      .map((f) => f.path)
      .sort(compareText);
  return {
    missing: pick("missing"),
    changed: pick("changed"),
    extra: [...existing].filter((f) => !planned.has(f)).sort(compareText),
  };
}

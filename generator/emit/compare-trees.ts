/**
 * An output folder against the files a plan would write: which are missing,
 * which differ, which owned files the plan no longer has. A file whose size
 * differs is not read; the others are read one at a time and compared as
 * bytes. Files can be compared as they are rendered (`treeComparison`), so
 * that comparing a large tree holds one unit's files in memory at a time,
 * never the whole plan.
 */
import path from "node:path";
import { compareText } from "../util/order.js";
import type { OutputFile, TreeDifference } from "../emit.js";
import { listFiles } from "../emit.js";
import { sameContents } from "./same-contents.js";

export interface TreeComparison {
  /** Compares one file of the plan with the folder's; a path given twice counts once, as its last. */
  compare(file: OutputFile): void;
  /** How many files of the plan were compared. */
  readonly compared: number;
  /** The differences, each list sorted; the owned files never compared are the extra ones. */
  finish(): TreeDifference;
}

export async function treeComparison(root: string, owns: (relative: string) => boolean): Promise<TreeComparison> {
  const existing = new Set((await listFiles(root)).filter(owns));
  const verdicts = new Map<string, "missing" | "changed" | "same">();
  return {
    compare(file) {
      const verdict = !existing.has(file.path)
        ? "missing"
        : sameContents(path.join(root, file.path), file.pieces ?? file.contents)
          ? "same"
          : "changed";
      verdicts.set(file.path, verdict);
    },
    get compared() {
      return verdicts.size;
    },
    finish() {
      const pick = (verdict: string) =>
        [...verdicts]
          .filter(([, v]) => v === verdict)
          .map(([file]) => file)
          .sort(compareText);
      return {
        missing: pick("missing"),
        changed: pick("changed"),
        extra: [...existing].filter((f) => !verdicts.has(f)).sort(compareText),
      };
    },
  };
}

export async function compareTrees(
  root: string,
  files: readonly OutputFile[],
  owns: (relative: string) => boolean,
): Promise<TreeDifference> {
  const comparison = await treeComparison(root, owns);
  for (const file of files) comparison.compare(file);
  return comparison.finish();
}

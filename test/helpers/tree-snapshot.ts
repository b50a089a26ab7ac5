/**
 * What a folder holds, as a test compares it before and after: every file
 * (`listFiles`, so in the generator's order) with its text, or with a digest
 * of its bytes where the files are large and a failure should print short.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../generator/emit.js";

/** Every file of the tree under `root`, by its path: its text. */
export async function treeTexts(root: string): Promise<Record<string, string>> {
  const files = await listFiles(root);
  return Object.fromEntries(files.map((file) => [file, readFileSync(path.join(root, file), "utf8")]));
}

/** Every file of the tree under `root`, by its path: the sha256 of its bytes. */
export async function treeDigests(root: string): Promise<Record<string, string>> {
  const files = await listFiles(root);
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(root, file)))
        .digest("hex"),
    ]),
  );
}

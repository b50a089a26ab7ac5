/**
 * A staged tree swapped in for the output. The staging folder holds only the
 * new and changed files; the rest of the new tree is the output's own
 * entries, carried over by rename once the output is out of sight. So a
 * change costs what it touches: a few renames for the folders along the
 * changed paths, where linking the whole tree into the staging folder and
 * removing the old one cost two system calls per file of the output.
 *
 * The swap: a journal beside the output (`<root>.swap-<pid>`, naming the
 * removed files) is written; the output is renamed out of the way
 * (`<root>.previous-<pid>`); each of its entries the staging folder does not
 * replace is moved into it (a folder untouched by the change as one entry);
 * the staging folder is renamed into the output's place; what is left of the
 * previous tree (the replaced and removed files) is deleted. A failure while
 * carrying over moves everything back and puts the output back as it was. A
 * run killed during the swap leaves no output folder, its journal, and the
 * two folders: the next run finishes the swap (`finishSwap`), so the output
 * is then the new tree, as it would be after a kill between two renames.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readOwnJson } from "../util/read-capped.js";

const FORMAT = "pco-codegen swap 1";

interface Journal {
  format: typeof FORMAT;
  /** Files of the previous tree the new one no longer holds, relative with `/`. */
  removed: string[];
}

export interface SwapFolders {
  root: string;
  staging: string;
  previous: string;
  journal: string;
}

/** The folders and the journal of a swap by the process `pid`. */
export function swapFolders(root: string, pid: number): SwapFolders {
  return { root, staging: `${root}.staging-${pid}`, previous: `${root}.previous-${pid}`, journal: `${root}.swap-${pid}` };
}

/**
 * Puts the staged tree in the output's place, as the module comment says.
 * Synchronous: it is a few hundred system calls. On a failure the output is
 * as it was, and the staging folder is the caller's to remove; only where
 * even putting the output back failed is `previous` left, with the journal,
 * for the next run to finish.
 */
export function swapIn(folders: SwapFolders, removed: readonly string[]): void {
  const { root, staging, previous, journal } = folders;
  if (!existsSync(root)) {
    renameSync(staging, root);
    return;
  }
  try {
    writeFileSync(journal, journalText(removed));
    renameSync(root, previous);
  } catch (error) {
    rmSync(journal, { force: true });
    throw error;
  }
  const moves: Move[] = [];
  try {
    carryOver(previous, staging, removalPlan(removed), moves);
    renameSync(staging, root);
  } catch (error) {
    putBack(folders, moves);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  rmSync(journal, { force: true });
}

/**
 * Finishes the swap a killed run left, from its journal: returns whether there
 * was one to finish. Without a journal, or with the output in place, there is
 * nothing to finish; the caller discards the leftovers.
 */
export function finishSwap(folders: SwapFolders): boolean {
  const { root, staging, previous, journal } = folders;
  if (existsSync(root) || !existsSync(previous) || !existsSync(staging)) return false;
  const entry = readJournal(journal);
  if (entry === undefined) return false;
  carryOver(previous, staging, removalPlan(entry.removed), []);
  renameSync(staging, root);
  return true;
}

/** The journal of a swap that removes `removed`. */
export function journalText(removed: readonly string[]): string {
  const entry: Journal = { format: FORMAT, removed: [...removed] };
  return JSON.stringify(entry);
}

function readJournal(file: string): Journal | undefined {
  const value = readOwnJson(file) as Partial<Journal> | undefined;
  if (value?.format !== FORMAT || !Array.isArray(value.removed) || !value.removed.every((r) => typeof r === "string")) return undefined;
  return value as Journal;
}

type Move = [from: string, to: string];

interface RemovalPlan {
  files: ReadonlySet<string>;
  /** Every folder holding a removed file, at any depth: carried over entry by entry, not whole. */
  folders: ReadonlySet<string>;
}

function removalPlan(removed: readonly string[]): RemovalPlan {
  const folders = new Set<string>();
  for (const file of removed) {
    for (let folder = path.posix.dirname(file); folder !== "."; folder = path.posix.dirname(folder)) folders.add(folder);
  }
  return { files: new Set(removed), folders };
}

/**
 * Moves each entry of the previous tree's folder `from` into the staging
 * folder `to`, but the removed files and the entries the staging folder
 * replaces; a folder both hold, or one holding a removed file, is merged
 * entry by entry. A folder the removals emptied is not kept; one that was
 * empty already is (it is not the writer's to remove).
 */
function carryOver(from: string, to: string, removal: RemovalPlan, moves: Move[], relative = ""): void {
  const staged = new Set(existsSync(to) ? readdirSync(to) : []);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const name = relative === "" ? entry.name : `${relative}/${entry.name}`;
    if (removal.files.has(name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const merged = entry.isDirectory() && (removal.folders.has(name) || staged.has(entry.name));
    if (merged) {
      if (!staged.has(entry.name)) mkdirSync(target);
      carryOver(source, target, removal, moves, name);
      if (removal.folders.has(name) && readdirSync(target).length === 0) rmdirSync(target);
    } else if (!staged.has(entry.name)) {
      renameSync(source, target);
      moves.push([source, target]);
    }
    // Otherwise the staged entry replaces it: the changed file stays behind, with the previous tree.
  }
}

/** After a failure while carrying over: every move undone, the output back in its place. */
function putBack({ root, previous, journal }: SwapFolders, moves: readonly Move[]): void {
  try {
    for (const [from, to] of [...moves].reverse()) renameSync(to, from);
    renameSync(previous, root);
  } catch {
    return; // `previous` and the journal stay: the next run finishes the swap
  }
  rmSync(journal, { force: true });
}

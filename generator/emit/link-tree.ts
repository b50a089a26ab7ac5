/**
 * A copy of a folder made of hard links: the same files under new names, at
 * the cost of one directory entry each. Writing the new tree then costs only
 * the files that change, which are unlinked before being written so that the
 * old tree keeps its bytes. Symbolic links are recreated as links (never
 * followed); where the file system cannot link (another device, a file
 * system without hard links), the file is copied.
 */
import { copyFile, link, mkdir, readdir, readlink, symlink } from "node:fs/promises";
import path from "node:path";

export async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else if (entry.isFile()) await linkOrCopy(source, target);
    // Sockets, pipes and devices have no place in an output folder and are not carried over.
  }
}

const CANNOT_LINK = new Set(["EXDEV", "EPERM", "EMLINK", "ENOTSUP", "EOPNOTSUPP"]);

async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    await copyFile(source, target);
  }
}

/**
 * File-system failures while writing output, as the one line a user can act
 * on (exit 2), not an internal error: a full disk, a read-only mount, missing
 * permissions, a name already taken by something else.
 */
import { GeneratorError } from "../diagnostics.js";
import { displayPath } from "../util/display-path.js";

const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
  EROFS: "the file system is read-only",
  EPERM: "permission denied",
  EACCES: "permission denied",
  EEXIST: "something else already exists at that path",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "a folder stands where a file should be written",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the path is too long",
  // A folder that exists yet takes no new entry (under /proc), or one removed while the write ran.
  ENOENT: "a folder on the path is missing and cannot be made",
  ELOOP: "the path has too many symbolic links",
  EIO: "the device failed to read or write",
  EINVAL: "the file system does not accept the name",
};

/** A GeneratorError for a known file-system failure; anything else is returned as it was. */
export function asWriteError(error: unknown, root: string): unknown {
  const failure = error as NodeJS.ErrnoException;
  const reason = typeof failure?.code === "string" ? REASONS[failure.code] : undefined;
  if (reason === undefined) return error;
  const where = typeof failure.path === "string" ? ` (${failure.code} at ${displayPath(failure.path)})` : ` (${failure.code})`;
  return new GeneratorError(`cannot write ${displayPath(root)}: ${reason}${where}; nothing was changed`, { exitCode: 2, cause: error });
}

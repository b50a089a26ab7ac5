import path from "node:path";

/**
 * Locations are recorded in specs and diagnostics as the user wrote them, so
 * that no path of one machine ends up in committed output; an absolute path is
 * made relative to the working directory.
 */
export function displayPath(location: string): string {
  const relative = path.isAbsolute(location) ? path.relative(process.cwd(), location) || "." : location;
  return relative.split(path.sep).join("/");
}

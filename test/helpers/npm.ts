/**
 * Packing and installing as a user does, with npm itself: `npm pack` into a
 * folder, and `npm install --offline` from the tarball alone, so nothing can
 * come from a registry.
 */
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A command's output; a failure is an error holding what it printed. */
export async function command(file: string, args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(file, args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${path.basename(file)} ${args.join(" ")} (in ${cwd}) failed:\n${stdout ?? ""}\n${stderr ?? ""}`, { cause: error });
  }
}

/** `npm pack` of a package folder: the tarball's path and the files it holds. */
export async function pack(folder: string, destination: string): Promise<{ tarball: string; files: string[] }> {
  const [result] = JSON.parse(await command("npm", ["pack", "--json", "--pack-destination", destination, folder], folder)) as {
    filename: string;
    files: { path: string }[];
  }[];
  return { tarball: path.join(destination, result!.filename), files: result!.files.map((f) => f.path).sort() };
}

/** A new project with `files`, and the tarballs installed into it offline. */
export async function consumerProject(folder: string, tarballs: readonly string[], files: Record<string, string>): Promise<string> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "package.json"), JSON.stringify({ name: path.basename(folder), private: true, type: "module" }));
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(folder, name), text)));
  await command("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs], folder);
  return folder;
}

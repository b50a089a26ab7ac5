/**
 * A module of the generator's sources bundled with esbuild into one file a
 * child process runs, in a fraction of a second and never stale, unlike
 * `dist/`. Packages are left to node_modules, so the bundle lives in the
 * repository's node_modules/.cache. It is written under a name of its own and
 * renamed over `outfile`: a process another test file starts meanwhile reads
 * a whole bundle, the old or the new.
 */
import { renameSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { build } from "esbuild";
import { REPO_ROOT } from "./corpus.js";

const BUNDLE_FOLDER = path.join(REPO_ROOT, "node_modules", ".cache", "pco-codegen-reliability");

/** `contents`, TypeScript importing from the repository's root (`./generator/cli.ts`), bundled into `BUNDLE_FOLDER/name`. */
export async function bundleModule(name: string, contents: string): Promise<string> {
  const outfile = path.join(BUNDLE_FOLDER, name);
  const own = `${outfile}.${process.pid}-${threadId}`;
  await build({
    stdin: { contents, resolveDir: REPO_ROOT, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: own,
    logLevel: "silent",
  });
  renameSync(own, outfile);
  return outfile;
}

/**
 * Where the benchmarks run: the repository (its committed specs, its
 * compiled CLI, the documentation sources of its committed spec) and one
 * temporary folder holding everything a run writes, with `generated/`
 * rendered there from the committed specs by the CLI itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { assertSucceeded, runNode } from "./harness.js";

export interface Workspace {
  /** The repository root: `spec/`, `bin/`, `node_modules/`, `pco-codegen.sources.json`. */
  repo: string;
  /** The temporary folder; removed by `dispose`. */
  dir: string;
  /** `generated/` as `pco-codegen generate` renders it from the committed specs. */
  generated: string;
  /** The formatter's cache for every child process (PCO_CODEGEN_CACHE), warmed by that generate. */
  formatCache: string;
  dispose(): Promise<void>;
}

export const cliPath = (repo: string): string => path.join(repo, "bin", "pco-codegen.js");

/** `--from` sources of the committed spec (pco-codegen.sources.json), relative to the repository as the CLI reads them. */
export function committedSources(repo: string): string[] {
  const config = JSON.parse(readFileSync(path.join(repo, "pco-codegen.sources.json"), "utf8")) as { from: string[] };
  return config.from;
}

/** The folder or file a `kind:location` source names, absolute. */
export const sourceLocation = (repo: string, source: string): string => path.resolve(repo, source.slice(source.indexOf(":") + 1));

/** A source that is not on this machine: the figures that need it are reported as not measured. */
export function missingSources(repo: string, sources: readonly string[]): string[] {
  return sources.filter((source) => !existsSync(sourceLocation(repo, source)));
}

export async function createWorkspace(repo: string, log: (line: string) => void): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), "pco-bench-"));
  const workspace: Workspace = {
    repo,
    dir,
    generated: path.join(dir, "generated"),
    formatCache: path.join(dir, "format-cache"),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
  try {
    // Programs compiled here (type-check figure) are ES modules, as the clients are.
    await writeFile(path.join(dir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
    await mkdir(workspace.formatCache);
    log(`rendering generated/ from ${path.join(repo, "spec")} into ${workspace.generated}`);
    assertSucceeded(
      await runNode([cliPath(repo), "generate", "--spec", path.join(repo, "spec"), "--out", workspace.generated], {
        cwd: repo,
        env: { PCO_CODEGEN_CACHE: workspace.formatCache },
      }),
      "pco-codegen generate",
    );
    return workspace;
  } catch (error) {
    await workspace.dispose();
    throw error;
  }
}

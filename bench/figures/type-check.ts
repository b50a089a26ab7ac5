/**
 * Figure 3: the compiler's cost of using a client. `tsc --noEmit` over the
 * same twenty People calls, against our People client and against
 * openapi-fetch with the types openapi-typescript writes for our People
 * OpenAPI document (both rendered in this run), timed spawn to exit with the
 * child's peak resident memory.
 */
import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { assertSucceeded, inTurn, megabytes, RowCollector, runNode, type ChildRun, type Figure } from "../harness.js";
import type { Workspace } from "../workspace.js";
import { OURS_PROGRAM, PEER_PROGRAM } from "./type-check-programs.js";

/** As a user's project commonly is (`tsc --init` also sets skipLibCheck). */
export const COMPILER_OPTIONS = {
  target: "es2022",
  lib: ["es2022", "dom"],
  module: "nodenext",
  moduleResolution: "nodenext",
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

export interface TypeCheckSetup {
  dir: string;
  /** The People OpenAPI document the peer's types were written from. */
  openApi: string;
}

/** `<workspace>/type-check/`: both programs, their tsconfigs, and the peer's `people.d.ts`. */
export async function prepareTypeCheck(workspace: Pick<Workspace, "dir" | "generated" | "repo">): Promise<TypeCheckSetup> {
  const dir = path.join(workspace.dir, "type-check");
  await mkdir(dir, { recursive: true });
  const openApi = await peopleOpenApi(workspace.generated);
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const peopleTypes = astToString(await openapiTS(pathToFileURL(openApi)));
  await Promise.all([
    writeFile(path.join(dir, "people.d.ts"), peopleTypes),
    writeFile(path.join(dir, "ours.ts"), OURS_PROGRAM),
    writeFile(path.join(dir, "peer.ts"), PEER_PROGRAM),
    writeFile(path.join(dir, "tsconfig.ours.json"), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: ["ours.ts"] }, null, 2)),
    writeFile(path.join(dir, "tsconfig.peer.json"), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: ["peer.ts"] }, null, 2)),
    // What any program costs: the compiler and its libraries (lib.dom.d.ts alone is 39 000 lines).
    writeFile(path.join(dir, "empty.ts"), "export {};\n"),
    writeFile(path.join(dir, "tsconfig.empty.json"), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: ["empty.ts"] }, null, 2)),
    // openapi-fetch resolves from the repository's dependencies.
    symlink(path.join(workspace.repo, "node_modules"), path.join(dir, "node_modules"), "junction"),
  ]);
  return { dir, openApi };
}

/** The newest dated People document: `people-<version>.json`. */
async function peopleOpenApi(generated: string): Promise<string> {
  const folder = path.join(generated, "openapi");
  const dated = (await readdir(folder)).filter((name) => /^people-\d{4}-\d{2}-\d{2}\.json$/.test(name)).sort();
  if (dated.length === 0) throw new Error(`no people-<version>.json in ${folder}`);
  return path.join(folder, dated[dated.length - 1]!);
}

export interface TscRun {
  ms: number;
  maxRssBytes: number;
  checkMs: number;
  instantiations: number;
}

/** `tsc -p tsconfig.<program>.json --extendedDiagnostics`, which must report no error. */
export async function runTsc(repo: string, dir: string, side: "ours" | "peer" | "empty"): Promise<TscRun> {
  const tsc = createRequire(path.join(repo, "package.json")).resolve("typescript/lib/tsc.js");
  const run = await runNode([tsc, "-p", `tsconfig.${side}.json`, "--extendedDiagnostics"], { cwd: dir, peakMemory: true });
  assertSucceeded(run, `tsc over the ${side} program`);
  return {
    ms: run.ms,
    maxRssBytes: run.maxRssBytes ?? Number.NaN,
    checkMs: statistic(run, "Check time") * 1000,
    instantiations: statistic(run, "Instantiations"),
  };
}

function statistic(run: ChildRun, name: string): number {
  const match = new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(run.stdout);
  if (match === null) throw new Error(`tsc --extendedDiagnostics printed no "${name}":\n${run.stdout}`);
  return Number(match[1]);
}

export const typeCheckFigure: Figure = {
  id: "3",
  title: "`tsc --noEmit` of a 20-call program",
  async run({ workspace, runs, log }) {
    const { dir, openApi } = await prepareTypeCheck(workspace);
    const rows = new RowCollector();
    for (let run = 0; run < runs; run++) {
      const [ours, peer] = await inTurn(
        run,
        () => runTsc(workspace.repo, dir, "ours"),
        () => runTsc(workspace.repo, dir, "peer"),
      );
      const empty = await runTsc(workspace.repo, dir, "empty");
      rows.add("time: ours ÷ openapi-fetch + openapi-typescript", "×", ours.ms / peer.ms, { compare: "at most", value: 0.5 });
      rows.add("peak memory: ours ÷ openapi-fetch + openapi-typescript", "×", ours.maxRssBytes / peer.maxRssBytes, {
        compare: "at most",
        value: 0.5,
      });
      rows.add("time beyond an empty program: ours ÷ peer", "×", (ours.ms - empty.ms) / (peer.ms - empty.ms));
      rows.add(
        "memory beyond an empty program: ours ÷ peer",
        "×",
        (ours.maxRssBytes - empty.maxRssBytes) / (peer.maxRssBytes - empty.maxRssBytes),
      );
      rows.add("ours: time", "ms", ours.ms);
      rows.add("peer: time", "ms", peer.ms);
      rows.add("an empty program: time", "ms", empty.ms);
      rows.add("ours: peak memory", "MB", megabytes(ours.maxRssBytes));
      rows.add("peer: peak memory", "MB", megabytes(peer.maxRssBytes));
      rows.add("an empty program: peak memory", "MB", megabytes(empty.maxRssBytes));
      rows.add("ours: check time (tsc's own figure)", "ms", ours.checkMs);
      rows.add("peer: check time (tsc's own figure)", "ms", peer.checkMs);
      rows.add("ours: type instantiations", "count", ours.instantiations);
      rows.add("peer: type instantiations", "count", peer.instantiations);
      log(
        `  run ${run + 1}: ${Math.round(ours.ms)} ms, ${megabytes(ours.maxRssBytes).toFixed(0)} MB vs ${Math.round(peer.ms)} ms, ${megabytes(peer.maxRssBytes).toFixed(0)} MB`,
      );
    }
    return {
      id: this.id,
      title: this.title,
      method:
        "The same twenty People calls (lists with `where`, `order` and `include`, gets, creates, updates, three actions, a delete; " +
        "`bench/figures/type-check-programs.ts`), compiled by `tsc -p … --extendedDiagnostics` (no error allowed) against our People " +
        `client and against openapi-fetch with the types openapi-typescript writes for our \`${path.basename(openApi)}\`. ` +
        `Compiler options: ${JSON.stringify(COMPILER_OPTIONS)}. Time is spawn to exit; memory is the process's peak resident set. ` +
        "The two alternate which goes first. An empty program under the same options gives the floor every program pays " +
        '(starting Node and the compiler, reading the ES2022 and DOM libraries); the rows "beyond an empty program" compare what is left.',
      rows: rows.result(),
    };
  },
};

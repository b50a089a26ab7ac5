/**
 * Figure 3: the compiler's cost of using a client. `tsc --noEmit` over the
 * same twenty People calls, against our People client and against
 * openapi-fetch with the types openapi-typescript writes for our People
 * OpenAPI document (both rendered in this run), timed spawn to exit with the
 * child's peak resident memory. Our client is the clients package packed by
 * npm and installed into the program's folder, as a user gets it; the same
 * program against the client's sources copied into a project is measured
 * beside it.
 */
import { mkdir, readdir, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { consumerProject, pack } from "../../test/helpers/npm.js";
import { assertSucceeded, inTurn, megabytes, RowCollector, runNode, type ChildRun, type Figure } from "../harness.js";
import type { Workspace } from "../workspace.js";
import { OURS_PROGRAM, OURS_SOURCES_PROGRAM, PEER_PROGRAM } from "./type-check-programs.js";

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

/** The programs of the figure, each compiled alone with `tsconfig.<side>.json`. */
export type Side = "ours" | "sources" | "peer" | "empty";

/**
 * `<workspace>/type-check/`: a project with the clients package (`generated/clients`, packed by npm) installed offline, the
 * programs and their tsconfigs, the peer's `people.d.ts`, and openapi-fetch linked from the repository's dependencies.
 */
export async function prepareTypeCheck(workspace: Pick<Workspace, "dir" | "generated" | "repo">): Promise<TypeCheckSetup> {
  const dir = path.join(workspace.dir, "type-check");
  const tarballs = path.join(workspace.dir, "type-check-tarballs");
  await mkdir(tarballs, { recursive: true });
  const openApi = await peopleOpenApi(workspace.generated);
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const peopleTypes = astToString(await openapiTS(pathToFileURL(openApi)));
  const programs: Record<Side, string> = {
    ours: OURS_PROGRAM,
    sources: OURS_SOURCES_PROGRAM,
    peer: PEER_PROGRAM,
    // What any program costs: the compiler and its libraries (lib.dom.d.ts alone is 39 000 lines).
    empty: "export {};\n",
  };
  const files: Record<string, string> = { "people.d.ts": peopleTypes };
  for (const [side, program] of Object.entries(programs)) {
    files[`${side}.ts`] = program;
    files[`tsconfig.${side}.json`] = JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: [`${side}.ts`] }, null, 2);
  }
  const { tarball } = await pack(path.join(workspace.generated, "clients"), tarballs);
  await consumerProject(dir, [tarball], files);
  await symlink(path.join(workspace.repo, "node_modules", "openapi-fetch"), path.join(dir, "node_modules", "openapi-fetch"), "junction");
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

/** The compiler of the repository's dependencies. */
export const tscPath = (repo: string): string => createRequire(path.join(repo, "package.json")).resolve("typescript/lib/tsc.js");

/** `tsc -p tsconfig.<program>.json --extendedDiagnostics`, which must report no error. */
export async function runTsc(repo: string, dir: string, side: Side): Promise<TscRun> {
  const run = await runNode([tscPath(repo), "-p", `tsconfig.${side}.json`, "--extendedDiagnostics"], { cwd: dir, peakMemory: true });
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
      const sources = await runTsc(workspace.repo, dir, "sources");
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
      rows.add("the client's sources copied into the project: time ÷ peer", "×", sources.ms / peer.ms);
      rows.add("the client's sources copied into the project: peak memory ÷ peer", "×", sources.maxRssBytes / peer.maxRssBytes);
      rows.add("the client's sources copied into the project: time", "ms", sources.ms);
      rows.add("the client's sources copied into the project: peak memory", "MB", megabytes(sources.maxRssBytes));
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
        "client as a user installs it (`generated/clients` packed by `npm pack` and installed with `npm install --offline` into the " +
        "program's project: its declarations and compiled modules, imported as `@pco-codegen/clients/people`) and against " +
        `openapi-fetch with the types openapi-typescript writes for our \`${path.basename(openApi)}\`. ` +
        `Compiler options: ${JSON.stringify(COMPILER_OPTIONS)}. Time is spawn to exit; memory is the process's peak resident set. ` +
        "The two alternate which goes first. An empty program under the same options gives the floor every program pays " +
        '(starting Node and the compiler, reading the ES2022 and DOM libraries); the rows "beyond an empty program" compare what is left. ' +
        "The same program against the client's sources copied into a project (imported as `../generated/clients/people/index.js`, " +
        "so that tsc checks the runtime's TypeScript with the program, which `skipLibCheck` does not skip) is measured beside them.",
      rows: rows.result(),
    };
  },
};

/**
 * `pco-codegen diff <before> <after>`: the semantic changes between two spec
 * files, two spec folders, or two documentation sources, as a changelog.
 * Exit 0 when nothing `--fail-on` counts changed, 1 when something did, 2 when
 * a side could not be read.
 */
import type { Argv } from "yargs";
import { hasErrors, type Diagnostic } from "../diagnostics.js";
import { buildChangelog, fails, FAIL_ON, type Changelog, type FailOn } from "../changelog/changelog.js";
import { FORMATS, renderChangelog, type ChangelogFormat } from "../changelog/render.js";
import type { HttpStoreOptions } from "../sources/portal/http-store.js";
import { parseVersionChoice } from "../sources/portal/versions.js";
import { diffSpecs, diffSpecSets } from "../diff/diff.js";
import type { ReadDocs } from "../diff/read-docs.js";
import { readSpecSet } from "../diff/spec-set.js";
import { collectSpecs } from "../scrape.js";
import type { ReadContext } from "../sources/reader-result.js";
import { EXIT, type Command } from "./command.js";
import { httpFlagOptions, httpOptionsOf, type HttpFlags } from "./http-flags.js";
import { printDiagnostics, type Output } from "./output.js";

export interface ChangelogArgs extends HttpFlags {
  format: ChangelogFormat;
  failOn: FailOn;
  docs: boolean;
  app?: string[];
}

interface DiffArgs extends ChangelogArgs {
  before: string;
  after: string;
  versions: string;
}

/** Options shared by `diff` and `drift`: what to print, when to fail, and how to read docs over HTTP. */
export const changelogOptions = (yargs: Argv) =>
  httpFlagOptions(
    yargs
      .option("format", {
        choices: FORMATS,
        default: "text" as ChangelogFormat,
        describe: "text (a terminal), markdown (a pull request), json (machines)",
      })
      .option("fail-on", {
        choices: FAIL_ON,
        default: "any" as FailOn,
        describe: "Exit 1 on any change, on breaking changes only, or never",
      })
      .option("docs", { type: "boolean", default: false, describe: "Also list docs-only changes (descriptions, notes, examples)" })
      .option("app", { type: "string", array: true, describe: "Only these apps" }),
  );

/** The scrape's reading, as the diff stage asks for it: all or nothing, never a partial spec. */
export function docsReader(http: HttpStoreOptions, context: ReadContext): ReadDocs {
  return (request) => collectSpecs({ ...request, http, allowPartial: false }, context);
}

export const diffCommand: Command<DiffArgs> = {
  command: "diff <before> <after>",
  describe: "The API changes between two specs, spec folders or doc sources (e.g. spec-a/ spec-b/)",
  builder: (yargs: Argv) =>
    changelogOptions(yargs)
      .positional("before", { type: "string", describe: "The older side: a spec file, a folder of specs, or <kind>:<location>" })
      .positional("after", { type: "string", describe: "The newer side" })
      .option("versions", {
        type: "string",
        default: "latest",
        describe: "For sources: latest, all, or a comma-separated list",
      }) as unknown as Argv<DiffArgs>,

  async run(args, output) {
    const read = { ...(args.app?.length ? { apps: args.app } : {}), versions: parseVersionChoice(args.versions) };
    const progress = output.progress?.();
    const readDocs = docsReader(httpOptionsOf(args), progress ? { onProgress: progress.update } : {});
    let before, after;
    try {
      before = await readSpecSet(args.before, read, readDocs);
      after = await readSpecSet(args.after, read, readDocs);
    } finally {
      progress?.stop();
    }
    const diagnostics = [...before.diagnostics, ...after.diagnostics];
    reportReading(output, diagnostics);
    if (hasErrors(diagnostics)) {
      output.err("error: could not compare: a side has errors (see above)");
      return EXIT.couldNotRun;
    }
    if (before.specs.length === 0 && after.specs.length === 0) {
      // Two empty folders, or a mistyped --app, compare nothing: no verdict of "no changes" that a CI check would pass.
      output.err(`error: nothing to compare: neither side holds a spec${args.app?.length ? ` of ${args.app.join(", ")}` : ""}`);
      return EXIT.couldNotRun;
    }
    const comparisons =
      before.single && after.single ? diffSpecs(before.specs[0]!, after.specs[0]!) : diffSpecSets(before.specs, after.specs);
    const changelog = buildChangelog(comparisons, { from: before.label, to: after.label, includeDocs: args.docs });
    return printChangelog(changelog, args, output);
  },
};

/**
 * Errors in full; warnings about the docs in full only with --verbose (a
 * capture has dozens), else counted in one line.
 */
export function reportReading(output: Output, diagnostics: readonly Diagnostic[]): void {
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  if (output.verbose || warnings.length === 0) {
    printDiagnostics(output, diagnostics);
    return;
  }
  printDiagnostics(
    output,
    diagnostics.filter((d) => d.severity === "error"),
  );
  output.err(`${warnings.length} warning${warnings.length === 1 ? "" : "s"} while reading (--verbose lists them)`);
}

export async function printChangelog(changelog: Changelog, args: ChangelogArgs, output: Output): Promise<number> {
  const text = await renderChangelog(changelog, args.format, { colour: args.format === "text" && wantsColour(output) });
  output.out(text.replace(/\n$/, ""));
  return fails(changelog, args.failOn) ? EXIT.problems : EXIT.ok;
}

/**
 * Colours only on a terminal. `Output.isTTY` describes stderr, while the
 * changelog goes to stdout, which may be a file even on a terminal
 * (`pco-codegen diff a b > changes.txt`); NO_COLOR turns them off.
 */
export function wantsColour(
  output: Output,
  stdoutIsTTY: boolean = process.stdout.isTTY === true,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return output.isTTY && stdoutIsTTY && (env.NO_COLOR ?? "") === "";
}

/**
 * `pco-codegen drift`: the committed specs against what the docs say now (the
 * live documentation API by default; PCO's official OpenAPI documents with
 * `--from openapi:<url>`). Exit 0 when nothing `--fail-on` counts
 * changed, 1 on drift (with the changelog on stdout), 2 when the check could
 * not be made: unreachable docs, docs with errors, unreadable specs. An
 * unreachable source is never taken for "no drift".
 */
import type { Argv } from "yargs";
import { hasErrors } from "../diagnostics.js";
import { buildChangelog, summaryOf, summaryText } from "../changelog/changelog.js";
import { displayPath } from "../util/display-path.js";
import { familyOf } from "../spec/version-family.js";
import { DEFAULT_BASE_URL } from "../sources/portal/reader.js";
import { parseSourceOperand } from "../sources/source-operand.js";
import { readCurrentDocs, familyOfSource } from "../diff/current-docs.js";
import { diffSpecSets } from "../diff/diff.js";
import { loadSpecs } from "../spec/load.js";
import { specFileName } from "../spec/serialize.js";
import { EXIT, type Command } from "./command.js";
import { changelogOptions, docsReader, printChangelog, reportReading, type ChangelogArgs } from "./diff.js";
import { httpOptionsOf } from "./http-flags.js";
import { printDiagnostics } from "./output.js";

interface DriftArgs extends ChangelogArgs {
  spec: string;
  from?: string[];
}

export const driftCommand: Command<DriftArgs> = {
  command: "drift",
  describe: "Check the committed specs against the docs (the live API by default)",
  builder: (yargs: Argv) =>
    changelogOptions(yargs)
      .option("spec", { type: "string", default: "spec", describe: "The committed specs" })
      .option("from", {
        type: "string",
        array: true,
        describe: `Sources of the docs, later wins: portal:<folder|url>, openapi:<folder|url> (the official OpenAPI documents), slate:<path|url> (default: portal:${DEFAULT_BASE_URL})`,
      }) as unknown as Argv<DriftArgs>,

  async run(args, output) {
    const http = httpOptionsOf(args);
    const loaded = await loadSpecs(args.spec);
    printDiagnostics(output, loaded.diagnostics);
    if (hasErrors(loaded.diagnostics)) {
      output.err(`error: could not check: the specs in ${displayPath(args.spec)} have errors`);
      return EXIT.couldNotRun;
    }
    const from = (args.from?.length ? args.from : [`portal:${DEFAULT_BASE_URL}`]).map(parseSourceOperand);
    const families = new Set(from.map(familyOfSource));
    const wanted = loaded.value.filter((s) => !args.app?.length || args.app.includes(s.app));
    const checked = wanted.filter((s) => families.has(familyOf(s.version)));
    for (const spec of wanted.filter((s) => !checked.includes(s))) {
      output.err(
        `note: ${displayPath(args.spec)}/${specFileName(spec)} not checked: no ${spec.version === "legacy" ? "slate:" : "portal:"} source given`,
      );
    }
    if (checked.length === 0) {
      output.err(
        `error: nothing to check: no specs in ${displayPath(args.spec)}${args.app?.length ? ` for ${args.app.join(", ")}` : ""} that these sources document`,
      );
      return EXIT.couldNotRun;
    }

    const progress = output.progress?.();
    let current;
    try {
      current = await readCurrentDocs(checked, from, docsReader(http, progress ? { onProgress: progress.update } : {}), {
        appsNamed: Boolean(args.app?.length),
      });
    } finally {
      progress?.stop();
    }
    reportReading(output, current.diagnostics);
    if (hasErrors(current.diagnostics)) {
      output.err("error: could not check: the docs have errors (see above); no verdict on drift");
      return EXIT.couldNotRun;
    }

    const label = displayPath(args.spec);
    const sources = from.map((s) => `${s.kind}:${s.location}`).join(" + ");
    for (const spec of current.unchecked)
      output.err(`note: ${label}/${specFileName(spec)} not checked: ${sources} has no document for ${spec.app} ${spec.version}`);
    const compared = checked.filter((s) => !current.unchecked.includes(s));
    const changelog = buildChangelog(diffSpecSets(compared, current.value), { from: label, to: sources, includeDocs: args.docs });
    const code = await printChangelog(changelog, args, output);
    const checkedCount = `${compared.length} app-version${compared.length === 1 ? "" : "s"} checked`;
    output.err(
      code === EXIT.ok
        ? `no drift: ${label} matches ${sources} (${checkedCount}; ${summaryText(summaryOf(changelog))})`
        : `drift: ${label} differs from ${sources}: ${summaryText(summaryOf(changelog))} (${checkedCount}); run npm run scrape to update`,
    );
    return code;
  },
};

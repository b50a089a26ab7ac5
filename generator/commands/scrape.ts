/** `pco-codegen scrape`: documentation → `spec/<app>/<version>.json`. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Argv } from "yargs";
import { GeneratorError, hasErrors } from "../diagnostics.js";
import { displayPath } from "../display-path.js";
import { writeTree } from "../emit.js";
import { collectSpecs, specTreePlan } from "../scrape.js";
import { DEFAULT_BASE_URL } from "../sources/portal/reader.js";
import { parseVersionChoice } from "../sources/portal/versions.js";
import { parseSourceSpec } from "../sources/source-spec.js";
import { loadOverrides, NO_OVERRIDES, type OverrideSet } from "../spec/overrides.js";
import { EXIT, type Command } from "./command.js";
import { printDiagnostics } from "./output.js";

interface ScrapeArgs {
  from?: string[];
  out: string;
  app?: string[];
  versions: string;
  allowPartial: boolean;
  prune: boolean;
  config?: string;
  cacheDir?: string;
  cache: boolean;
  retries: number;
  timeout: number;
  overrides?: string | boolean;
}

/** A sources file: the `--from` list and options of a reproducible scrape. */
interface SourcesConfig {
  from: string[];
  out?: string;
  prune?: boolean;
  versions?: string;
  app?: string[];
}

export const scrapeCommand: Command<ScrapeArgs> = {
  command: "scrape",
  describe: "Read the documentation into specs (spec/<app>/<version>.json)",
  builder: (yargs: Argv) =>
    yargs
      .option("from", {
        type: "string",
        array: true,
        describe: `Sources: portal:<folder|url>, slate:<path|url>, portal-page:<file>, openapi:<file|folder|url>; of the docs the later wins, an OpenAPI document is merged in (default: portal:${DEFAULT_BASE_URL})`,
      })
      .option("out", { type: "string", default: "spec", describe: "Folder to write the specs to" })
      .option("app", { type: "string", array: true, describe: "Only these apps (e.g. people check-ins)" })
      .option("versions", { type: "string", default: "latest", describe: "latest, all, or a comma-separated list of versions" })
      .option("allow-partial", { type: "boolean", default: false, describe: "Write specs of damaged docs, listing what is missing" })
      .option("prune", { type: "boolean", default: false, describe: "Remove specs of the scraped apps that this scrape no longer produces" })
      .option("config", { type: "string", describe: "A JSON file with the sources and options of a reproducible scrape" })
      .option("cache-dir", { type: "string", describe: "HTTP cache folder (default ~/.cache/pco-codegen/http)" })
      .option("cache", { type: "boolean", default: true, describe: "Use the HTTP cache (--no-cache to fetch everything)" })
      .option("retries", { type: "number", default: 4, describe: "HTTP: retries of a failed request (network error, timeout, 5xx)" })
      .option("timeout", { type: "number", default: 30, describe: "HTTP: seconds before a request is abandoned" })
      .option("overrides", {
        describe: "Fixes of known errors in the docs (default: the project's overrides.json; --no-overrides for none)",
      }) as unknown as Argv<ScrapeArgs>,

  async run(args, output) {
    const settings = args.config === undefined ? args : { ...args, ...(await readConfig(args.config)) };
    const from = (settings.from?.length ? settings.from : [`portal:${DEFAULT_BASE_URL}`]).map(parseSourceSpec);
    const progress = output.progress?.();
    let result;
    try {
      result = await collectSpecs(
        {
          from,
          ...(settings.app?.length ? { apps: settings.app } : {}),
          versions: parseVersionChoice(settings.versions),
          allowPartial: settings.allowPartial,
          ...overridesOption(args.overrides),
          http: { cacheDir: args.cache ? args.cacheDir : false, maxRetries: args.retries, timeoutMs: args.timeout * 1000 },
        },
        progress ? { onProgress: progress.update } : {},
      );
    } finally {
      progress?.stop();
    }
    for (const line of result.detected) output.err(line);
    printDiagnostics(output, result.diagnostics);
    const difference = await writeTree(specTreePlan(settings.out, result, settings.prune));
    const changed = difference.missing.length + difference.changed.length + difference.extra.length;
    output.err(
      `${result.specs.length} spec${result.specs.length === 1 ? "" : "s"} in ${settings.out}` +
        (changed === 0 ? ", unchanged" : `: ${difference.missing.length} new, ${difference.changed.length} changed, ${difference.extra.length} removed`) +
        (result.withheld.length > 0 ? `; not written: ${result.withheld.join(", ")}` : ""),
    );
    return hasErrors(result.diagnostics) ? EXIT.problems : EXIT.ok;
  },
};

/** `--overrides <file>` reads that file, `--no-overrides` reads none; without either, the project's own applies. */
function overridesOption(value: string | boolean | undefined): { overrides?: OverrideSet } {
  if (value === undefined || value === true) return {};
  if (value === false) return { overrides: NO_OVERRIDES };
  return { overrides: loadOverrides(value) };
}

/** Sources in a config file are relative to the file; they are recorded relative to the working directory. */
async function readConfig(file: string): Promise<Partial<ScrapeArgs>> {
  let config: SourcesConfig;
  try {
    config = JSON.parse(await readFile(file, "utf8")) as SourcesConfig;
  } catch (error) {
    throw new GeneratorError(`cannot read the sources file ${file}: ${(error as Error).message}`, { exitCode: 2 });
  }
  if (!Array.isArray(config.from) || config.from.some((f) => typeof f !== "string")) {
    throw new GeneratorError(`${file}: "from" must be a list of sources such as "portal:<folder>"`, { exitCode: 2 });
  }
  const base = path.dirname(file);
  const rebase = (source: string) => {
    const spec = parseSourceSpec(source);
    return spec.isUrl ? source : `${spec.kind}:${displayPath(path.relative(process.cwd(), path.resolve(base, spec.location)) || ".")}`;
  };
  return {
    from: config.from.map(rebase),
    ...(config.out === undefined ? {} : { out: displayPath(path.relative(process.cwd(), path.resolve(base, config.out)) || ".") }),
    ...(config.prune === undefined ? {} : { prune: config.prune }),
    ...(config.versions === undefined ? {} : { versions: config.versions }),
    ...(config.app === undefined ? {} : { app: config.app }),
  };
}

/** `pco-codegen scrape`: documentation → `spec/<app>/<version>.json`. */
import path from "node:path";
import type { Argv } from "yargs";
import { DOCUMENTED_API_HOST, isHostName } from "../api-host.js";
import { GeneratorError, hasErrors } from "../diagnostics.js";
import { parseJson } from "../json-text.js";
import { displayPath } from "../util/display-path.js";
import { readCappedText, readFailure } from "../util/read-capped.js";
import { writeTree } from "../emit.js";
import { assertPathNames } from "../path-name.js";
import { collectSpecs, SCHEMA_FILE, specTreePlan } from "../scrape.js";
import { DEFAULT_BASE_URL } from "../sources/portal/reader.js";
import { parseVersionChoice } from "../sources/portal/versions.js";
import { strictly } from "../sources/repair-policy.js";
import { parseSourceOperand } from "../sources/source-operand.js";
import { loadOverrides, NO_OVERRIDES, type OverrideSet } from "../spec/overrides.js";
import { EXIT, type Command } from "./command.js";
import { httpFlagOptions, httpOptionsOf } from "./http-flags.js";
import { printDiagnostics } from "./output.js";

interface ScrapeArgs {
  from?: string[];
  /** `out`, `versions` and `prune` have no yargs default: a value here was given on the command line, and wins over the config file. */
  out?: string;
  app?: string[];
  versions?: string;
  allowPartial: boolean;
  prune?: boolean;
  config?: string;
  cacheDir?: string;
  cache: boolean;
  retries: number;
  timeout: number;
  overrides?: string | boolean;
  strict: boolean;
  apiHost?: string[];
}

/** A sources file: the `--from` list and options of a reproducible scrape. */
interface SourcesConfig {
  from: string[];
  out?: string;
  prune?: boolean;
  versions?: string;
  app?: string[];
  apiHost?: string[];
}

export const scrapeCommand: Command<ScrapeArgs> = {
  command: "scrape",
  describe: "Read the documentation into specs (spec/<app>/<version>.json)",
  builder: (yargs: Argv) =>
    httpFlagOptions(
      yargs
        .option("from", {
          type: "string",
          array: true,
          describe: `Sources: portal:<folder|url>, slate:<path|url>, portal-page:<file>, openapi:<file|folder|url>; of the docs the later wins, an OpenAPI document is merged in (default: portal:${DEFAULT_BASE_URL})`,
        })
        .option("out", { type: "string", describe: `Folder to write the specs to (default: ${DEFAULTS.out})` })
        .option("app", { type: "string", array: true, describe: "Only these apps (e.g. people check-ins)" })
        .option("versions", {
          type: "string",
          describe: `latest, all, or a comma-separated list of versions (default: ${DEFAULTS.versions})`,
        })
        .option("allow-partial", { type: "boolean", default: false, describe: "Write specs of damaged docs, listing what is missing" })
        .option("prune", {
          type: "boolean",
          describe: "Remove specs of the scraped apps that this scrape no longer produces (default: no)",
        })
        .option("config", { type: "string", describe: "A JSON file with the sources and options of a reproducible scrape" })
        .option("strict", {
          type: "boolean",
          default: false,
          describe:
            "Make every repair of the docs an error (a type synonym read as its annotation, an unreadable type cell typed unknown, a re-joined table)",
        })
        .option("api-host", {
          type: "string",
          array: true,
          describe: `Another host the docs' URLs may name as the API's (default: only ${DOCUMENTED_API_HOST})`,
        })
        .option("overrides", {
          describe: "Fixes of known errors in the docs (default: the project's overrides.json; --no-overrides for none)",
        }),
    ) as unknown as Argv<ScrapeArgs>,

  async run(args, output) {
    const settings = withConfig(args, args.config === undefined ? {} : await readConfig(args.config));
    assertPathNames(args.config === undefined ? "--app" : `--app (or "app" in ${args.config})`, "app", settings.app ?? []);
    const apiHosts = settings.apiHost ?? [];
    const badHost = apiHosts.find((host) => !isHostName(host));
    if (badHost !== undefined) {
      throw new GeneratorError(
        `--api-host ${JSON.stringify(badHost)} is not a host name (such as staging.example.com or 127.0.0.1:8080, without a scheme or path)`,
        { exitCode: 2 },
      );
    }
    const from = (settings.from?.length ? settings.from : [`portal:${DEFAULT_BASE_URL}`]).map(parseSourceOperand);
    const http = httpOptionsOf(args);
    const progress = output.progress?.();
    let result;
    try {
      result = await collectSpecs(
        {
          from,
          ...(settings.app?.length ? { apps: settings.app } : {}),
          versions: parseVersionChoice(settings.versions),
          allowPartial: settings.allowPartial,
          ...(apiHosts.length > 0 ? { apiHosts } : {}),
          ...overridesOption(args.overrides),
          http,
        },
        progress ? { onProgress: progress.update } : {},
      );
    } finally {
      progress?.stop();
    }
    for (const line of result.detected) output.err(line);
    const diagnostics = args.strict ? strictly(result.diagnostics) : result.diagnostics;
    printDiagnostics(output, diagnostics);
    if (result.specs.length === 0 && result.withheld.length === 0) {
      output.err(`no spec read: the sources hold no documentation of an app (${result.detected.join("; ")})`);
      return EXIT.problems;
    }
    // Under --strict a repaired spec is not one to keep: nothing is written.
    if (hasErrors(diagnostics) && !hasErrors(result.diagnostics)) {
      output.err(`not written: --strict, and the docs needed repairs`);
      return EXIT.problems;
    }
    const difference = await writeTree(specTreePlan(settings.out, result, settings.prune));
    // Counted in specs, as the line starts: the schema written beside them is said apart.
    const specs = (files: readonly string[]) => files.filter((file) => file !== SCHEMA_FILE).length;
    const [added, changed, removed] = [specs(difference.missing), specs(difference.changed), specs(difference.extra)];
    const schemaWritten = [...difference.missing, ...difference.changed].includes(SCHEMA_FILE);
    output.err(
      `${result.specs.length} spec${result.specs.length === 1 ? "" : "s"} in ${settings.out}` +
        (added + changed + removed === 0 ? ", unchanged" : `: ${added} new, ${changed} changed, ${removed} removed`) +
        (schemaWritten ? `; ${SCHEMA_FILE} written` : "") +
        (result.withheld.length > 0 ? `; not written: ${result.withheld.join(", ")}` : ""),
    );
    return hasErrors(result.diagnostics) ? EXIT.problems : EXIT.ok;
  },
};

/** What a scrape does unless the config file or a flag says otherwise. */
const DEFAULTS = { out: "spec", versions: "latest", prune: false } as const;

/** The defaults, then the config file, then every flag given on the command line: the user's explicit word wins. */
function withConfig(args: ScrapeArgs, config: Partial<ScrapeArgs>): ScrapeSettings {
  const given = Object.fromEntries(
    Object.entries(args).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
  return { ...DEFAULTS, ...config, ...given } as ScrapeSettings;
}

type ScrapeSettings = ScrapeArgs & { out: string; versions: string; prune: boolean };

/** `--overrides <file>` reads that file, `--no-overrides` reads none; without either, the project's own applies. */
function overridesOption(value: string | boolean | undefined): { overrides?: OverrideSet } {
  if (value === undefined || value === true) return {};
  if (value === false) return { overrides: NO_OVERRIDES };
  return { overrides: loadOverrides(value) };
}

/** The most a sources file may hold: a list of sources and a few flags take a few hundred bytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The keys a sources file may hold, each one of `SourcesConfig`. */
const CONFIG_KEYS: readonly string[] = ["from", "out", "prune", "versions", "app", "apiHost"] satisfies (keyof SourcesConfig)[];

/** Sources in a config file are relative to the file; they are recorded relative to the working directory. */
async function readConfig(file: string): Promise<Partial<ScrapeArgs>> {
  let text: string;
  try {
    text = readCappedText(file, MAX_CONFIG_BYTES);
  } catch (error) {
    throw new GeneratorError(`cannot read the sources file ${file}: ${readFailure(error)}`, { exitCode: 2 });
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column } = parsed.position;
    throw new GeneratorError(`${file}:${line}:${column}: the sources file is not JSON: ${parsed.message}`, { exitCode: 2 });
  }
  const config = parsed.value as SourcesConfig;
  if (
    typeof config !== "object" ||
    config === null ||
    !Array.isArray(config.from) ||
    config.from.length === 0 ||
    config.from.some((f) => typeof f !== "string")
  ) {
    // An empty list would scrape the live docs, which a file naming its sources never means.
    throw new GeneratorError(`${file}: "from" must be a list of one or more sources such as "portal:<folder>"`, { exitCode: 2 });
  }
  // A misspelt key ("ouy") would otherwise be ignored, and the scrape would write where the user did not ask.
  const unknown = Object.keys(config).find((key) => !CONFIG_KEYS.includes(key));
  if (unknown !== undefined)
    throw new GeneratorError(`${file}: ${JSON.stringify(unknown)} is not a key of a sources file (${CONFIG_KEYS.join(", ")})`, {
      exitCode: 2,
    });
  const listOfText = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === "string");
  for (const [key, ok, want] of [
    ["out", config.out === undefined || typeof config.out === "string", "a folder"],
    ["versions", config.versions === undefined || typeof config.versions === "string", 'a string such as "latest"'],
    ["prune", config.prune === undefined || typeof config.prune === "boolean", "true or false"],
    ["app", config.app === undefined || listOfText(config.app), "a list of app names"],
    ["apiHost", config.apiHost === undefined || listOfText(config.apiHost), "a list of host names"],
  ] as const) {
    if (!ok) throw new GeneratorError(`${file}: "${key}" must be ${want}`, { exitCode: 2 });
  }
  const base = path.dirname(file);
  const rebase = (source: string) => {
    const spec = parseSourceOperand(source);
    return spec.isUrl ? source : `${spec.kind}:${displayPath(path.relative(process.cwd(), path.resolve(base, spec.location)) || ".")}`;
  };
  return {
    from: config.from.map(rebase),
    ...(config.out === undefined ? {} : { out: displayPath(path.relative(process.cwd(), path.resolve(base, config.out)) || ".") }),
    ...(config.prune === undefined ? {} : { prune: config.prune }),
    ...(config.versions === undefined ? {} : { versions: config.versions }),
    ...(config.app === undefined ? {} : { app: config.app }),
    ...(config.apiHost === undefined ? {} : { apiHost: config.apiHost }),
  };
}

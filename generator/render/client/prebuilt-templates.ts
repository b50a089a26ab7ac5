/**
 * The client's templates as the build precompiled them (`dist/templates.json`,
 * shipped in the package), so that a `generate` that renders a client loads
 * Handlebars' runtime alone and compiles nothing: the compiler is most of what
 * loading Handlebars costs, and a template is otherwise compiled at its first
 * render, in every run. The copy names what it was compiled from (a hash of
 * Handlebars' version, the compile options and every template's text):
 * templates edited since the build, or a copy that is not what the build
 * writes, are compiled as before.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type Handlebars from "handlebars";
import { packageRoot } from "../../util/package-root.js";
import { readOwnJson } from "../../util/read-capped.js";
import { writeWholeSync } from "../../util/write-whole.js";
import {
  compileClientTemplates,
  registerHelpers,
  TEMPLATE_OPTIONS,
  templateSources,
  type ClientTemplates,
  type TemplateSources,
} from "./templates.js";
import type { ClientView } from "./view.js";

const require = createRequire(import.meta.url);
const FORMAT = "pco-codegen prebuilt templates 1";
export const PREBUILT_TEMPLATES = path.join(packageRoot(), "dist", "templates.json");

/** Each template as Handlebars' precompiler writes it: JavaScript, the text of an object. */
interface Prebuilt {
  format: typeof FORMAT;
  /** `sourcesKey` of the templates compiled. */
  sources: string;
  partials: Record<string, string>;
  types: string;
  index: string;
}

/** A hash of everything that decides the compiled templates. */
export function sourcesKey(sources: TemplateSources): string {
  const { version } = JSON.parse(readFileSync(require.resolve("handlebars/package.json"), "utf8")) as { version: string };
  const hash = createHash("sha256").update(`${FORMAT}\0${version}\0${JSON.stringify(TEMPLATE_OPTIONS)}\0`);
  for (const [name, text] of sources.partials) hash.update(`partial ${name}\0${text}\0`);
  return hash.update(`types\0${sources.types}\0index\0${sources.index}`).digest("hex");
}

export async function writePrebuiltTemplates(file = PREBUILT_TEMPLATES): Promise<void> {
  const sources = await templateSources();
  const { default: handlebars } = await import("handlebars");
  const precompiled = (text: string): string => handlebars.precompile(text, { ...TEMPLATE_OPTIONS }) as unknown as string;
  const prebuilt: Prebuilt = {
    format: FORMAT,
    sources: sourcesKey(sources),
    partials: Object.fromEntries([...sources.partials].map(([name, text]) => [name, precompiled(text)])),
    types: precompiled(sources.types),
    index: precompiled(sources.index),
  };
  writeWholeSync(file, [JSON.stringify(prebuilt)]);
}

/** The templates as the build compiled these sources; undefined where `file` holds no such copy, or one that does not evaluate. */
export function prebuiltTemplates(sources: TemplateSources, file = PREBUILT_TEMPLATES): ClientTemplates | undefined {
  try {
    const prebuilt = readOwnJson(file);
    if (!isPrebuilt(prebuilt) || prebuilt.sources !== sourcesKey(sources)) return undefined;
    const runtime = (require("handlebars/runtime") as typeof Handlebars).create();
    registerHelpers(runtime);
    const template = (code: string) =>
      runtime.template<ClientView>(new Function(`return ${code}`)() as ReturnType<typeof Handlebars.precompile>);
    for (const [name, code] of Object.entries(prebuilt.partials)) runtime.registerPartial(name, template(code));
    return { types: template(prebuilt.types), index: template(prebuilt.index) };
  } catch {
    return undefined; // none, unreadable, or code that does not run: compiled instead
  }
}

function isPrebuilt(value: unknown): value is Prebuilt {
  if (typeof value !== "object" || value === null) return false;
  const { format, sources, partials, types, index } = value as Record<string, unknown>;
  const isText = (v: unknown): v is string => typeof v === "string";
  return (
    format === FORMAT &&
    isText(sources) &&
    isText(types) &&
    isText(index) &&
    typeof partials === "object" &&
    partials !== null &&
    Object.values(partials).every(isText)
  );
}

let templates: Promise<ClientTemplates> | undefined;

/** The client's templates, once per run: the build's copy where it is of these sources, else compiled. */
export function clientTemplates(): Promise<ClientTemplates> {
  templates ??= templateSources().then((sources) => prebuiltTemplates(sources) ?? compileClientTemplates(new Map(), sources));
  return templates;
}

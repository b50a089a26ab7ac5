/**
 * The client's Handlebars templates (`templates/client/`, its partials in
 * `templates/client/partials/`, and the helpers they use) and the runtime's
 * sources (`templates/runtime/`), found from this module whether it runs from
 * the sources or from `dist/`. Handlebars' compiler is loaded only to
 * compile: the build's precompiled copy (`prebuilt-templates.ts`) needs only
 * its runtime.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type Handlebars from "handlebars";
import { packageRoot } from "../../util/package-root.js";
import { sortedStrings } from "../../util/order.js";
import { routeKey, routeLine, ROUTES_DOC } from "./route-line.js";
import { propertyKey, stringLiteral } from "./ts-text.js";
import { layoutDeclaration, layoutProperty } from "./type-layout.js";
import type { ClientView, RouteView } from "./view.js";

export interface ClientTemplates {
  types(view: ClientView): string;
  index(view: ClientView): string;
}

function templatesDir(): string {
  return path.join(packageRoot(), "templates");
}

const PARTIALS = "partials";

/** The texts of the client's templates: each partial by name, and the two files' templates. */
export interface TemplateSources {
  partials: Map<string, string>;
  types: string;
  index: string;
}

export async function templateSources(): Promise<TemplateSources> {
  const dir = path.join(templatesDir(), "client");
  const [partials, types, index] = await Promise.all([
    clientPartials(),
    readFile(path.join(dir, "types.ts.hbs"), "utf8"),
    readFile(path.join(dir, "index.ts.hbs"), "utf8"),
  ]);
  return { partials, types, index };
}

/** The partials of `templates/client/partials/`, by name (`route-table` from `route-table.hbs`). */
export async function clientPartials(): Promise<Map<string, string>> {
  const dir = path.join(templatesDir(), "client", PARTIALS);
  const names = sortedStrings((await readdir(dir)).filter((n) => n.endsWith(".hbs")));
  // A partial used inside a line (`heritage`, `union`) ends without a line break; one that makes whole lines ends with one.
  const texts = await Promise.all(names.map((name) => readFile(path.join(dir, name), "utf8")));
  return new Map(names.map((name, i) => [name.slice(0, -".hbs".length), texts[i]!]));
}

/**
 * The only helpers the templates use: they write names and text from the
 * docs as TypeScript that nothing in the docs can break out of, and lay out
 * what they wrap (`declaration`, `property`) as prettier would, so the output
 * needs no formatting pass.
 */
export function registerHelpers(handlebars: Pick<typeof Handlebars, "registerHelper">): void {
  handlebars.registerHelper("literal", (value: string) => stringLiteral(value));
  handlebars.registerHelper("key", (name: string) => propertyKey(name));
  handlebars.registerHelper("routeKey", (name: string) => routeKey(name));
  handlebars.registerHelper("routesDoc", () => ROUTES_DOC);
  handlebars.registerHelper("routeLine", (route: RouteView) => routeLine(route));
  handlebars.registerHelper("oneLine", (lines: readonly string[]) => lines.length === 1);
  handlebars.registerHelper("declaration", function (this: unknown, options: Handlebars.HelperOptions) {
    return layoutDeclaration(options.fn(this));
  });
  handlebars.registerHelper("property", function (this: unknown, options: Handlebars.HelperOptions) {
    return layoutProperty(options.fn(this));
  });
}

/**
 * Compile options of every template: see `clientHandlebars`. Frozen, and given
 * to Handlebars as a copy: it writes its defaults into the options it is given.
 */
export const TEMPLATE_OPTIONS = Object.freeze({ noEscape: true, strict: true });

/**
 * A Handlebars environment with the client's helpers and partials; `replace`
 * swaps partials by name (a test blanks each one in turn to see that it is
 * used). noEscape: the helpers and view-model already made every string safe
 * for TypeScript; HTML escaping would corrupt it.
 */
export async function clientHandlebars(replace: ReadonlyMap<string, string> = new Map()): Promise<typeof Handlebars> {
  return handlebarsWith(await clientPartials(), replace);
}

async function handlebarsWith(partials: ReadonlyMap<string, string>, replace: ReadonlyMap<string, string>): Promise<typeof Handlebars> {
  const { default: handlebars } = await import("handlebars");
  const environment = handlebars.create();
  registerHelpers(environment);
  for (const [name, text] of partials)
    environment.registerPartial(name, environment.compile(replace.get(name) ?? text, { ...TEMPLATE_OPTIONS }));
  return environment;
}

/** The client's two files, `types.ts.hbs` and `index.ts.hbs`, compiled; `sources` as `templateSources` reads them. */
export async function compileClientTemplates(
  replace: ReadonlyMap<string, string> = new Map(),
  sources?: TemplateSources,
): Promise<ClientTemplates> {
  const { partials, types, index } = sources ?? (await templateSources());
  const handlebars = await handlebarsWith(partials, replace);
  return {
    types: handlebars.compile<ClientView>(types, { ...TEMPLATE_OPTIONS }),
    index: handlebars.compile<ClientView>(index, { ...TEMPLATE_OPTIONS }),
  };
}

/** The runtime's source files: name and text. */
export async function runtimeSources(): Promise<{ name: string; text: string }[]> {
  const dir = path.join(templatesDir(), "runtime");
  const names = sortedStrings((await readdir(dir)).filter((n) => n.endsWith(".ts")));
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), "utf8") })));
}

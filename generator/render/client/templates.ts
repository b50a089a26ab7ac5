/**
 * The client's Handlebars templates (`templates/client/`) and the runtime's
 * sources (`templates/runtime/`), found from this module whether it runs from
 * the sources or from `dist/`.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../util/package-root.js";
import { sortedStrings } from "../../util/order.js";
import type { ClientView } from "./view-model.js";

export interface ClientTemplates {
  types(view: ClientView): string;
  index(view: ClientView): string;
}

function templatesDir(): string {
  return path.join(packageRoot(), "templates");
}

let templates: Promise<ClientTemplates> | undefined;

export function clientTemplates(): Promise<ClientTemplates> {
  templates ??= (async () => {
    const dir = path.join(templatesDir(), "client");
    const read = (name: string) => readFile(path.join(dir, name), "utf8");
    // noEscape: the view-model already made every string safe for TypeScript; HTML escaping would corrupt it.
    const handlebars = Handlebars.create();
    handlebars.registerPartial("interface", handlebars.compile(await read("interface.hbs"), { noEscape: true, strict: true }));
    const compile = async (name: string) => handlebars.compile<ClientView>(await read(name), { noEscape: true, strict: true });
    const [types, index] = await Promise.all([compile("types.ts.hbs"), compile("index.ts.hbs")]);
    return { types, index };
  })();
  return templates;
}

/** The runtime's source files: name and text. */
export async function runtimeSources(): Promise<{ name: string; text: string }[]> {
  const dir = path.join(templatesDir(), "runtime");
  const names = sortedStrings((await readdir(dir)).filter((n) => n.endsWith(".ts")));
  return Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), "utf8") })));
}

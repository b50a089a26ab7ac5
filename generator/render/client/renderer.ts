/**
 * `generated/clients/`: a typed client for the latest version of every app
 * (`<app>/index.ts`, `<app>/types.d.ts`) and the runtime they share (`runtime/`,
 * copied from `templates/runtime/`), each compiled beside its source
 * (`.js`, `.d.ts`), and the `package.json` that makes the folder one
 * publishable package.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { OutputFile } from "../../emit.js";
import { format } from "../../format.js";
import { latestPerApp } from "../../spec/load.js";
import type { Spec } from "../../spec/types.js";
import type { Renderer } from "../renderer.js";
import { compileClients } from "./compile.js";
import { specFile } from "./navigation.js";
import { clientsPackageManifest } from "./package-manifest.js";
import { clientTemplates, runtimeSources } from "./templates.js";
import { buildClientView } from "./view-model.js";

const ROOT = "clients";
const RUNTIME = "runtime";

export const clientRenderer: Renderer = {
  name: "clients",
  root: ROOT,
  async render(specs) {
    const latest = latestPerApp(specs);
    const [runtime, apps] = await Promise.all([
      Promise.all(
        (await runtimeSources()).map(async ({ name, text }) => ({
          path: `${ROOT}/${RUNTIME}/${name}`,
          contents: await format(`${runtimeNotice(name)}\n${text}`, "typescript"),
        })),
      ),
      Promise.all(latest.map((spec) => (spec.app === RUNTIME ? refuseApp(spec) : renderClient(spec)))),
    ]);
    const sources = [...runtime, ...apps.flatMap((a) => a.value)];
    const compiled = compileClients(sources.map((f) => ({ path: f.path.slice(ROOT.length + 1), contents: f.contents })));
    const rendered = latest.filter((spec) => spec.app !== RUNTIME).map((spec) => spec.app);
    const manifest = { path: `${ROOT}/package.json`, contents: clientsPackageManifest(latest, rendered) };
    return {
      value: [...sources, ...compiled.map((f) => ({ path: `${ROOT}/${f.path}`, contents: f.contents })), manifest],
      diagnostics: apps.flatMap((a) => a.diagnostics),
    };
  },
};

/** An app whose folder would be the runtime's. */
async function refuseApp(spec: Spec): Promise<{ value: OutputFile[]; diagnostics: Diagnostic[] }> {
  const message = `an app named "${RUNTIME}" would share its folder with the clients' runtime`;
  return { value: [], diagnostics: [diagnostic("error", "CLIENT_APP_NAME", message, { file: specFile(spec), pointer: "/app" })] };
}

export const runtimeNotice = (name: string) => `// Copied by \`npm run generate\` from templates/${RUNTIME}/${name}. Do not edit.`;

/**
 * One app's client: `clients/<app>/types.d.ts` and `clients/<app>/index.ts`.
 * The types are a declaration file (they hold no code): a project built with
 * `skipLibCheck` then takes them as they are, without checking their
 * thousands of lines each time it compiles.
 */
export async function renderClient(spec: Spec): Promise<{ value: OutputFile[]; diagnostics: Diagnostic[] }> {
  const view = buildClientView(spec);
  const templates = await clientTemplates();
  const [types, index] = await Promise.all([
    format(templates.types(view.value), "typescript"),
    format(templates.index(view.value), "typescript"),
  ]);
  return {
    value: [
      { path: `${ROOT}/${spec.app}/index.ts`, contents: index },
      { path: `${ROOT}/${spec.app}/types.d.ts`, contents: types },
    ],
    diagnostics: view.diagnostics,
  };
}

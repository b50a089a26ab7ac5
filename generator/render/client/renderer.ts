/**
 * `generated/clients/`: a typed client for the latest version of every app
 * (`<app>/index.ts` and what it compiles to, `index.js` and `index.d.ts`,
 * written directly; `<app>/types.d.ts`), the runtime they share (`runtime/`,
 * copied from `templates/runtime/` and compiled, as the build left it or
 * rendered here), and the `package.json` that makes the folder one
 * publishable package.
 *
 * Every file is written in its final form: the templates lay out what they
 * write as prettier would (`type-layout.ts`, `blank-lines.ts`) and the runtime's
 * sources are kept prettier-formatted in the repository, so `generate` never
 * loads prettier for the clients; a test formats them all to hold that true.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { OutputFile } from "../../emit.js";
import type { Spec } from "../../spec/types.js";
import { renderBySpec } from "../render-by-spec.js";
import type { Renderer, SpecRenderer } from "../renderer.js";
import { tidyBlankLines } from "./blank-lines.js";
import { indexDts, indexJs } from "./index-module.js";
import { specFile } from "./navigation.js";
import { clientsPackageManifest } from "./package-manifest.js";
import { prebuiltRuntime } from "./prebuilt-runtime.js";
import { CLIENTS_ROOT as ROOT, renderRuntime, RUNTIME } from "./runtime-files.js";
import { clientTemplates } from "./prebuilt-templates.js";
import { buildClientView } from "./view-model.js";

/** A spec's part of the shared files: its app and version, where the app's client is rendered from it. */
interface ClientPart {
  app: string;
  version: string;
}

const bySpec: SpecRenderer = {
  async renderSpec(spec, role) {
    if (!role.latest) return { value: { files: [], part: null }, diagnostics: [] };
    const part: ClientPart = { app: spec.app, version: spec.version };
    const client = spec.app === RUNTIME ? refuseApp(spec) : await renderClient(spec);
    return { value: { files: client.value, part }, diagnostics: client.diagnostics };
  },
  async renderShared(parts) {
    const latest = parts.filter((p): p is ClientPart => p !== null);
    const rendered = latest.filter((p) => p.app !== RUNTIME).map((p) => p.app);
    return { value: [{ path: `${ROOT}/package.json`, contents: clientsPackageManifest(latest, rendered) }], diagnostics: [] };
  },
  async renderFixed() {
    return { value: (await prebuiltRuntime()) ?? (await renderRuntime()), diagnostics: [] };
  },
};

export const clientRenderer: Renderer = {
  name: "clients",
  root: ROOT,
  bySpec,
  render: (specs) => renderBySpec(bySpec, specs),
};

/** An app whose folder would be the runtime's. */
function refuseApp(spec: Spec): { value: OutputFile[]; diagnostics: Diagnostic[] } {
  const message = `an app named "${RUNTIME}" would share its folder with the clients' runtime`;
  return { value: [], diagnostics: [diagnostic("error", "CLIENT_APP_NAME", message, { file: specFile(spec), pointer: "/app" })] };
}

/**
 * One app's client: `clients/<app>/types.d.ts` and `clients/<app>/index.ts`.
 * The types are a declaration file (they hold no code): a project built with
 * `skipLibCheck` then takes them as they are, without checking their
 * thousands of lines each time it compiles.
 */
export async function renderClient(spec: Spec): Promise<{ value: OutputFile[]; diagnostics: Diagnostic[] }> {
  const view = buildClientView(spec);
  const templates = await clientTemplates();
  const types = tidyBlankLines(templates.types(view.value));
  const index = tidyBlankLines(templates.index(view.value));
  return {
    value: [
      { path: `${ROOT}/${spec.app}/index.d.ts`, contents: indexDts(view.value) },
      { path: `${ROOT}/${spec.app}/index.js`, contents: indexJs(view.value) },
      { path: `${ROOT}/${spec.app}/index.ts`, contents: index },
      { path: `${ROOT}/${spec.app}/types.d.ts`, contents: types },
    ],
    diagnostics: view.diagnostics,
  };
}

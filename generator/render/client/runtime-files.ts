/**
 * The clients' runtime as the package ships it: each source of
 * `templates/runtime/` under `clients/runtime/`, with a notice that it is a
 * copy, and compiled beside it (`.js`, `.d.ts`). It depends on no spec: the
 * build writes it once (`prebuilt-runtime.ts`), and `generate` renders it
 * only where that copy is not the current generator's.
 */
import type { OutputFile } from "../../emit.js";
import { compileClients } from "./compile.js";
import { runtimeSources } from "./templates.js";

export const CLIENTS_ROOT = "clients";
export const RUNTIME = "runtime";

export const runtimeNotice = (name: string) => `// Copied by \`npm run generate\` from templates/${RUNTIME}/${name}. Do not edit.`;

/** The sources are kept prettier-formatted in the repository (a test holds that true): they are copied as they are. */
export async function renderRuntime(): Promise<OutputFile[]> {
  const runtime = (await runtimeSources()).map(({ name, text }) => ({
    path: `${CLIENTS_ROOT}/${RUNTIME}/${name}`,
    contents: `${runtimeNotice(name)}\n${text}`,
  }));
  return [...runtime, ...compiled(runtime)];
}

/** The `.js` and `.d.ts` of each TypeScript source, beside it. */
function compiled(sources: readonly OutputFile[]): OutputFile[] {
  const relative = sources.map((f) => ({ path: f.path.slice(CLIENTS_ROOT.length + 1), contents: f.contents }));
  return compileClients(relative).map((f) => ({ path: `${CLIENTS_ROOT}/${f.path}`, contents: f.contents }));
}

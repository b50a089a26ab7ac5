/**
 * Figure 5: what a real program weighs in a user's bundle. The same three
 * People calls (list, get, create), written against our People client (its
 * route table and the runtime it needs), against openapi-fetch and against
 * Planning Center's own JavaScript client (`@planningcenter/api-client`), each
 * bundled and minified by esbuild, then gzipped. Only what the program reaches
 * is kept, as in a user's build, and a dynamic `import()` becomes a chunk of
 * its own, loaded when the program first gets there (esbuild's `splitting`,
 * what Vite, Rollup and webpack do by default).
 */
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { RowCollector, type Figure } from "../harness.js";

export interface BundleSize {
  /** Every chunk, each gzipped on its own as a server sends it. */
  minified: number;
  gzipped: number;
  /** The chunks loaded before the program's first call: the entry and the chunks it imports statically. */
  startMinified: number;
  startGzipped: number;
}

/** The three calls, against the People client rendered in `./generated` beside the program. */
export const OURS_PROGRAM = `import { createClient } from "./generated/clients/people/index.js";
export async function threeCalls() {
  const pco = createClient({ auth: { appId: "app", secret: "secret" } });
  const people = await pco.people.list({ perPage: 25 });
  const person = await pco.people.get(people.data[0].id);
  const created = await pco.people.create({ first_name: "Ada", last_name: "Lovelace" });
  return [person.data.attributes.first_name, created.data.id];
}
`;

/** The same calls against openapi-fetch: it sends what it is given and hands back the body. */
export const OPENAPI_FETCH_PROGRAM = `import createClient from "openapi-fetch";
export async function threeCalls() {
  const pco = createClient({ baseUrl: "https://api.planningcenteronline.com", headers: { Authorization: "Basic " + btoa("app:secret") } });
  const people = await pco.GET("/people/v2/people", { params: { query: { per_page: 25 } } });
  const person = await pco.GET("/people/v2/people/{person_id}", { params: { path: { person_id: people.data.data[0].id } } });
  const created = await pco.POST("/people/v2/people", { body: { data: { type: "Person", attributes: { first_name: "Ada", last_name: "Lovelace" } } } });
  return [person.data.data.attributes.first_name, created.data.data.id];
}
`;

/** The same calls against Planning Center's own client (it asks for sparse fieldsets). */
export const PCO_CLIENT_PROGRAM = `import { Client } from "@planningcenter/api-client";
export async function threeCalls() {
  const pco = new Client({ root: "https://api.planningcenteronline.com/people/v2/", version: "2025-03-20" });
  const people = await pco.get({ url: "/people", data: { perPage: 25, fields: { Person: ["first_name"] } } });
  const person = await pco.get({ url: "/people/" + people.data[0].id, data: { fields: { Person: ["first_name"] } } });
  const created = await pco.post({ url: "/people", data: { fields: { Person: ["first_name"] }, data: { type: "Person", attributes: { first_name: "Ada", last_name: "Lovelace" } } } });
  return [person.data.firstName, created.data.id];
}
`;

/** A program's bundle: esbuild, for the browser, minified and split into chunks, each gzipped at zlib's default level. */
export async function bundleSize(program: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: program, resolveDir, loader: "ts", sourcefile: "program.ts" },
    bundle: true,
    minify: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // Nothing is written: the chunks stay in memory, named under this folder.
    outdir: path.join(resolveDir, "bundle"),
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const chunks = new Map(
    result.outputFiles.map((file) => [path.relative(process.cwd(), file.path).split(path.sep).join("/"), file.contents]),
  );
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint !== undefined)!;
  // The entry and, transitively, every chunk it imports statically; a dynamic import loads later.
  const start = new Set<string>();
  const visit = (name: string) => {
    if (start.has(name)) return;
    start.add(name);
    for (const imported of outputs[name]!.imports) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(entry);
  const sizes = [...chunks].map(([name, code]) => ({ name, minified: code.byteLength, gzipped: gzipSync(code).byteLength }));
  const sum = (list: typeof sizes, key: "minified" | "gzipped") => list.reduce((total, size) => total + size[key], 0);
  const atStart = sizes.filter((size) => start.has(size.name));
  return {
    minified: sum(sizes, "minified"),
    gzipped: sum(sizes, "gzipped"),
    startMinified: sum(atStart, "minified"),
    startGzipped: sum(atStart, "gzipped"),
  };
}

export const runtimeSizeFigure: Figure = {
  id: "5",
  title: "a three-call People program, minified + gzipped",
  async run({ workspace, runs, log }) {
    const rows = new RowCollector();
    const runtime = path.join(workspace.generated, "clients", "runtime");
    for (let run = 0; run < runs; run++) {
      const ours = await bundleSize(OURS_PROGRAM, path.dirname(workspace.generated));
      const peer = await bundleSize(OPENAPI_FETCH_PROGRAM, workspace.repo);
      const official = await bundleSize(PCO_CLIENT_PROGRAM, workspace.repo);
      const runtimeAlone = await bundleSize(`export * from "./index.js";`, runtime);
      rows.add("ours ÷ openapi-fetch, gzipped, loaded at start", "×", ours.startGzipped / peer.startGzipped, {
        compare: "at most",
        value: 1.25,
      });
      rows.add("ours ÷ openapi-fetch, gzipped, every chunk", "×", ours.gzipped / peer.gzipped);
      rows.add("ours ÷ @planningcenter/api-client, gzipped, loaded at start", "×", ours.startGzipped / official.startGzipped);
      rows.add("ours (People client with its route table): minified + gzipped, loaded at start", "B", ours.startGzipped);
      rows.add("ours: minified + gzipped, every chunk", "B", ours.gzipped);
      rows.add("openapi-fetch: minified + gzipped, loaded at start", "B", peer.startGzipped);
      rows.add("openapi-fetch: minified + gzipped, every chunk", "B", peer.gzipped);
      rows.add("@planningcenter/api-client: minified + gzipped, loaded at start", "B", official.startGzipped);
      rows.add("@planningcenter/api-client: minified + gzipped, every chunk", "B", official.gzipped);
      rows.add("ours: minified, loaded at start", "B", ours.startMinified);
      rows.add("ours: minified, every chunk", "B", ours.minified);
      rows.add("openapi-fetch: minified, every chunk", "B", peer.minified);
      rows.add("@planningcenter/api-client: minified, every chunk", "B", official.minified);
      rows.add("our runtime alone, everything it exports (for reference): minified + gzipped, every chunk", "B", runtimeAlone.gzipped);
      log(
        `  run ${run + 1}: ${ours.startGzipped} B at start (${ours.gzipped} B in all) vs ${peer.startGzipped} B (openapi-fetch), ` +
          `${official.startGzipped} B (@planningcenter/api-client)`,
      );
    }
    return {
      id: this.id,
      title: this.title,
      method:
        "One program per client making the same three People calls (list 25 people, get one, create one; `bench/figures/runtime-size.ts`): " +
        "against the rendered People client (which carries the app's route table and the runtime), against openapi-fetch, and against " +
        "`@planningcenter/api-client`, Planning Center's own JavaScript client. Each is bundled by esbuild (ESM, browser, ES2022, minified, " +
        "tree-shaken as a user's build is) with `splitting`, so that a dynamic `import()` becomes a chunk of its own, as Vite, Rollup and " +
        "webpack make it by default; each chunk is gzipped at zlib's default level. The ratio counts the chunks loaded before the first " +
        "call (the entry and the chunks it imports statically): our client loads its OAuth refresh only after a 401 with a refresh token, " +
        'and its upload code only on `upload()`, which this program never reaches. The rows "every chunk" add every chunk, loaded or ' +
        "not. Sizes do not vary between runs.",
      rows: rows.result(),
    };
  },
};

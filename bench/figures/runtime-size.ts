/**
 * Figure 5: what a real program weighs in a user's bundle. The same three
 * People calls (list, get, create), written against our People client (its
 * route table and the runtime it needs), against openapi-fetch and against
 * Planning Center's own JavaScript client (`@planningcenter/api-client`), each
 * bundled and minified by esbuild, then gzipped. Only what the program reaches
 * is kept, as in a user's build.
 */
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { RowCollector, type Figure } from "../harness.js";

export interface BundleSize {
  minified: number;
  gzipped: number;
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

/** A program's bundle: esbuild, for the browser, minified, then gzipped at zlib's default level. */
export async function bundleSize(program: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: program, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzipped: gzipSync(code).byteLength };
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
      rows.add("ours ÷ openapi-fetch, gzipped", "×", ours.gzipped / peer.gzipped, { compare: "at most", value: 1.25 });
      rows.add("ours ÷ @planningcenter/api-client, gzipped", "×", ours.gzipped / official.gzipped);
      rows.add("ours (People client with its route table): minified + gzipped", "B", ours.gzipped);
      rows.add("openapi-fetch: minified + gzipped", "B", peer.gzipped);
      rows.add("@planningcenter/api-client: minified + gzipped", "B", official.gzipped);
      rows.add("ours: minified", "B", ours.minified);
      rows.add("openapi-fetch: minified", "B", peer.minified);
      rows.add("@planningcenter/api-client: minified", "B", official.minified);
      rows.add("our runtime alone, everything it exports (for reference): minified + gzipped", "B", runtimeAlone.gzipped);
      log(`  run ${run + 1}: ${ours.gzipped} B vs ${peer.gzipped} B (openapi-fetch), ${official.gzipped} B (@planningcenter/api-client)`);
    }
    return {
      id: this.id,
      title: this.title,
      method:
        "One program per client making the same three People calls (list 25 people, get one, create one; `bench/figures/runtime-size.ts`): " +
        "against the rendered People client (which carries the app's route table and the runtime), against openapi-fetch, and against " +
        "`@planningcenter/api-client`, Planning Center's own JavaScript client. Each is bundled by esbuild (ESM, browser, ES2022, minified, " +
        "tree-shaken as a user's build is) and gzipped at zlib's default level. Sizes do not vary between runs.",
      rows: rows.result(),
    };
  },
};

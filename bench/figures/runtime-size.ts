/**
 * Figure 5: what the runtime weighs in a user's bundle: everything the
 * rendered runtime exports, bundled and minified by esbuild, then gzipped,
 * against openapi-fetch measured the same way.
 */
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { RowCollector, type Figure } from "../harness.js";

export interface BundleSize {
  minified: number;
  gzipped: number;
}

/** `export * from <module>`, bundled for the browser, minified, and gzipped at the default level. */
export async function bundleSize(module: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(module)};`, resolveDir, loader: "ts" },
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
  title: "runtime size, minified + gzipped",
  async run({ workspace, runs, log }) {
    const rows = new RowCollector();
    const runtime = path.join(workspace.generated, "clients", "runtime");
    for (let run = 0; run < runs; run++) {
      const ours = await bundleSize("./index.js", runtime);
      const peer = await bundleSize("openapi-fetch", workspace.repo);
      rows.add("ours ÷ openapi-fetch, gzipped", "×", ours.gzipped / peer.gzipped, { compare: "at most", value: 1 });
      rows.add("ours: minified + gzipped", "B", ours.gzipped);
      rows.add("openapi-fetch: minified + gzipped", "B", peer.gzipped);
      rows.add("ours: minified", "B", ours.minified);
      rows.add("openapi-fetch: minified", "B", peer.minified);
      log(`  run ${run + 1}: ${ours.gzipped} B vs ${peer.gzipped} B gzipped`);
    }
    return {
      id: this.id,
      title: this.title,
      method:
        "`export * from` the rendered `generated/clients/runtime/index.ts`, and from `openapi-fetch`, each bundled by esbuild " +
        "(ESM, browser, ES2022, minified) and gzipped at zlib's default level. Sizes do not vary between runs.",
      rows: rows.result(),
    };
  },
};

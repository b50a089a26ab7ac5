/**
 * What a splitting bundler makes of a program on the runtime: the token
 * refresh and the upload, loaded with `import()`, are chunks of their own that
 * import nothing, so the rest of the runtime stays in the program's first
 * chunk instead of moving into chunks shared with them.
 */
import path from "node:path";
import { build } from "esbuild";
import { expect, test } from "vitest";
import { REPO_ROOT } from "../helpers/corpus.js";

const PROGRAM = `import { connect } from "./templates/runtime/index.js";
const api = { baseUrl: "https://api.example.com", tokenUrl: "https://api.example.com/oauth/token",
  uploadUrl: "https://upload.example.com/v2/files", uploadField: "file",
  rateLimit: { limit: 100, periodSeconds: 20, headers: { limit: "L", period: "P", count: "C", retryAfter: "Retry-After" } } };
export const client = connect(api, { "": "/people/v2 people:Person[]" }, { auth: { accessToken: "a", refreshToken: "r", clientId: "c", clientSecret: "s" } });
`;

test("the refresh and the upload are chunks of their own, importing nothing; the first chunk imports none statically", async () => {
  const result = await build({
    stdin: { contents: PROGRAM, resolveDir: REPO_ROOT, loader: "ts", sourcefile: "program.ts" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: path.join(REPO_ROOT, "bundle"),
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = Object.values(result.metafile.outputs);
  const sources = (o: (typeof outputs)[number]) => Object.keys(o.inputs).map((input) => path.basename(input));
  const entry = outputs.find((o) => sources(o).includes("program.ts"))!;
  const others = outputs.filter((o) => o !== entry);
  expect(others.map(sources).sort()).toEqual([["token.ts"], ["upload.ts"]]);
  for (const chunk of others) expect(chunk.imports).toEqual([]);
  expect(entry.imports.map((i) => i.kind)).toEqual(["dynamic-import", "dynamic-import"]);
  expect(sources(entry)).toEqual(expect.arrayContaining(["client.ts", "transport.ts", "body.ts", "errors.ts", "document-shape.ts"]));
});

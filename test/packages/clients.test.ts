/**
 * The clients' package as its users get it: rendered from spec/, packed with
 * `npm pack`, installed offline from the tarball into one new project per
 * way of using it, and run against `pco-codegen mock` on 127.0.0.1. Plain
 * Node imports it and `require()`s it; tsc compiles it under nodenext, bundler
 * and @tsconfig/strictest (node16) and the output runs; esbuild bundles it for
 * the browser and the bundle runs. Each program lists, creates, reads back and
 * meets a 404, and prints what it saw.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTree } from "../../generator/emit.js";
import { clientRenderer } from "../../generator/render/client/renderer.js";
import { CLIENTS_PACKAGE_NAME } from "../../generator/render/client/package-manifest.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { stopProcess, type RunningProcess } from "../helpers/process.js";
import { startCli } from "../helpers/cli-process.js";
import { command, consumerProject, pack } from "../helpers/npm.js";

const TSC = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");
const STRICTEST = path.join(REPO_ROOT, "node_modules/@tsconfig/strictest/tsconfig.json");
const PEOPLE = `${CLIENTS_PACKAGE_NAME}/people`;

let dir: string;
let tarball: string;
let packed: string[];
let mock: RunningProcess | undefined;
let mockUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-packages-"));
  const specs = (await loadSpecs(path.join(REPO_ROOT, "spec"))).value;
  const rendered = await clientRenderer.render(specs);
  await writeTree({ root: path.join(dir, "rendered"), files: rendered.value, owns: () => true });
  ({ tarball, files: packed } = await pack(path.join(dir, "rendered/clients"), dir));

  ({ running: mock } = await startCli(["mock", "--spec", path.join(REPO_ROOT, "spec"), "--port", "0"], { cwd: dir }));
  mockUrl = (await mock.waitForStdout(/\n/)).split("\n")[0]!.trim();
  // Rendering every app and packing them is slow on a busy machine; nothing here is timed.
}, 600_000);

afterAll(async () => {
  if (mock !== undefined) await stopProcess(mock);
  await rm(dir, { recursive: true, force: true });
});

/** The program's body, the same in every form: what it prints is what the tests expect. */
const body = (url: string, error = "error") => `
const pco = createPeopleClient({ baseUrl: ${JSON.stringify(url)}, auth: { appId: "app", secret: "secret" } });
const page = await pco.people.list({ perPage: 2 });
const created = await pco.people.create({ first_name: "Ada" });
const fetched = await pco.people.get(created.data.id);
const notFound = await pco.people.get("999999999").then(
  () => 0,
  (${error}) => (error instanceof PcoError ? error.status : -1),
);
console.log(JSON.stringify({ listed: page.data.length, type: page.data[0]?.type, fetched: fetched.data.attributes.first_name, notFound }));
`;

const EXPECTED = { listed: 2, type: "Person", fetched: "Ada", notFound: 404 };

/** The TypeScript form, typed: the record's type is named, and a wrong attribute must be refused. */
const typedProgram = (url: string) => `import { createPeopleClient, PcoError, type Person } from "${PEOPLE}";
${body(url, "error: unknown")}
const first: Person | undefined = page.data[0];
export const firstName: string | null | undefined = first?.attributes.first_name;

/** Never called: it exists to be refused by the compiler. */
export function refused(): void {
  // @ts-expect-error: a Person is not created with an attribute the docs do not list
  void pco.people.create({ no_such_attribute: "x" });
}
`;

const compilerOptions = { target: "es2022", lib: ["es2022", "dom"], types: [], outDir: "out" };

/** Runs a consumer's program with node; what it printed, parsed. */
async function runNode(project: string, file: string): Promise<unknown> {
  const out = await command(process.execPath, [file], project);
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

describe("the packed clients", () => {
  test("hold the compiled modules and declarations, no TypeScript source, and nothing to install besides", async () => {
    expect(packed).toContain("package.json");
    expect(packed).toContain("people/index.js");
    expect(packed).toContain("people/index.d.ts");
    expect(packed).toContain("people/types.d.ts");
    expect(packed).toContain("runtime/client.js");
    expect(packed.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(dir, "rendered/clients/package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest["dependencies"]).toBeUndefined();
    expect(manifest["peerDependencies"]).toBeUndefined();
  });
});

describe("plain node", () => {
  test("imports the package (ESM) and requires it (require of an ES module)", async () => {
    const project = await consumerProject(path.join(dir, "node"), [tarball], {
      "main.js": `import { createPeopleClient, PcoError } from "${PEOPLE}";\n${body(mockUrl)}`,
      "main.cjs": `const { createPeopleClient, PcoError } = require("${PEOPLE}");\n(async () => {${body(mockUrl)}})();`,
    });
    expect(await runNode(project, "main.js")).toEqual(EXPECTED);
    expect(await runNode(project, "main.cjs")).toEqual(EXPECTED);
  });
});

describe("tsc", () => {
  test.each<[string, object]>([
    ["nodenext", { compilerOptions: { ...compilerOptions, module: "nodenext", moduleResolution: "nodenext", strict: true } }],
    ["bundler", { compilerOptions: { ...compilerOptions, module: "esnext", moduleResolution: "bundler", strict: true } }],
    // The package's own declarations are checked too (skipLibCheck off), under the strictest settings.
    [
      "strictest",
      {
        extends: STRICTEST,
        compilerOptions: {
          ...compilerOptions,
          module: "node16",
          moduleResolution: "node16",
          skipLibCheck: false,
          skipDefaultLibCheck: true,
        },
      },
    ],
  ])("compiles under %s, and the output runs", async (name, config) => {
    const project = await consumerProject(path.join(dir, `tsc-${name}`), [tarball], {
      "main.ts": typedProgram(mockUrl),
      "tsconfig.json": JSON.stringify({ ...config, files: ["main.ts"] }),
    });
    await command(process.execPath, [TSC, "-p", "."], project);
    expect(await runNode(project, "out/main.js")).toEqual(EXPECTED);
  });
});

describe("esbuild", () => {
  test("bundles it for the browser, and the bundle runs", async () => {
    const project = await consumerProject(path.join(dir, "esbuild"), [tarball], { "main.ts": typedProgram(mockUrl) });
    await build({
      entryPoints: [path.join(project, "main.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      target: "es2022",
      outfile: path.join(project, "bundle.js"),
      logLevel: "silent",
    });
    expect(await runNode(project, "bundle.js")).toEqual(EXPECTED);
  });
});

/**
 * The hand-written hostile specs (test/fixtures/hostile): prose with `*\/`,
 * `/*`, backticks, `${}`, `</script>`, U+2028/U+2029 and NUL; names that are
 * reserved words or keys every object has (`default`, `delete`, `class`,
 * `constructor`, `__proto__`, `prototype`, `then`); names with hyphens, dots,
 * spaces and leading digits; `first_name` beside `firstName`; types named
 * `Object`, `Promise` and `Error`; an app named `constructor`. Every renderer's
 * output compiles under real `tsc --strict`, validates with the OpenAPI
 * validators, keeps every name, and lets no prose out of its comments; no
 * body a server sends, or a client posts, changes a prototype.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import { build } from "esbuild";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { writeTree, type OutputFile } from "../../generator/emit.js";
import { generatedTreePlan, renderAll } from "../../generator/generate.js";
import { startMockServer } from "../../generator/mock/server.js";
import type { OpenApiDocument, Schema } from "../../generator/render/openapi/model.js";
import { componentValidator } from "../../generator/render/openapi/schema-validator.js";
import { loadSpecs } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { runCli } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { STRICT_TSC_OPTIONS } from "../helpers/strict-tsc.js";

const SPECS = path.join(REPO_ROOT, "test/fixtures/hostile");
/** Words of the specs' prose that must never become code. */
const PROSE_WORDS = ["alert", "script", "template", "nothing", "separator", "backslash", "apostrophe"];

const dir = mkdtempSync(path.join(tmpdir(), "pco-hostile-"));
const out = path.join(dir, "generated");
let specs: Spec[];
let files: OutputFile[];
let renderDiagnostics: Diagnostic[];

beforeAll(async () => {
  const loaded = await loadSpecs(SPECS);
  expect(loaded.diagnostics).toEqual([]);
  specs = loaded.value;
  const rendered = await renderAll(specs);
  files = rendered.files;
  renderDiagnostics = rendered.diagnostics;
  await writeTree(generatedTreePlan(out, files));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (relative: string) => files.find((f) => f.path === relative)!;
const json = <T>(relative: string) => JSON.parse(file(relative).contents) as T;
const hostile = () => specs.find((s) => s.app === "hostile")!;

it("renders every product of both apps, with warnings at most", () => {
  expect(specs.map((s) => `${s.app}/${s.version}`)).toEqual(["constructor/2024-01-01", "hostile/2024-01-01"]);
  expect(renderDiagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const paths = files.map((f) => f.path);
  for (const app of ["constructor", "hostile"]) {
    expect(paths).toContain(`openapi/${app}-2024-01-01.json`);
    expect(paths).toContain(`clients/${app}/index.ts`);
    expect(paths).toContain(`clients/${app}/types.d.ts`);
  }
  expect(paths).toContain("openapi/latest.json");
  // One single-record fixture per resource.
  const singles = paths.filter((p) => /^fixtures\/hostile\/2024-01-01\/[^.]+\.json$/.test(p) && !p.includes("/errors."));
  expect(singles).toHaveLength(hostile().resources.length);
});

describe("the clients", () => {
  /** Uses the members whose names are hazards, and checks the types they have. */
  const PROGRAM = `
import { createClient, type ErrorResource, type ObjectResource, type PromiseResource } from "../generated/clients/hostile/index.js";
import { createClient as createConstructorClient } from "../generated/clients/constructor/index.js";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): void {}

export async function use(): Promise<void> {
  const pco = createClient({ baseUrl: "http://127.0.0.1:9" });
  const page = await pco.objects.list({ include: ["__proto__", "constructor", "then"], order: "-__proto__", filter: "then" });
  const object = page.data[0]!;
  expectType<Equals<typeof object, typeof page.data[number]>>();
  const plain: ObjectResource = object;
  expectType<Equals<(typeof object)["__proto__"], PromiseResource | null>>();
  expectType<Equals<typeof object.constructor, ErrorResource[]>>();
  expectType<Equals<typeof plain.attributes["first-name"], string | null>>();
  expectType<Equals<typeof plain.attributes.first_name, string | null>>();
  expectType<Equals<typeof plain.attributes.firstName, number | null>>();
  expectType<Equals<typeof plain.attributes.then, string | null>>();
  await pco.objects.create({ ["__proto__"]: { a: 1 }, constructor: 1, "first-name": "x", first_name: "y", firstName: 2 });
  await pco.objects.id("1").then2.get();
  await pco.objects.id("1").firstName2({ then: "x" });
  await pco.constructor2.list();
  await pco.proto.list();
  await pco.default.list();
  const promise = await pco.promises.get("1");
  expectType<Equals<typeof promise.data, PromiseResource>>();
  await createConstructorClient().prototypes.list();
}
`;

  it("and a program using their hazardous members compile under tsc --strict", () => {
    const programFile = path.join(dir, "programs/use.ts");
    mkdirSync(path.dirname(programFile), { recursive: true });
    writeFileSync(programFile, PROGRAM);
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }');
    const sources = files.filter((f) => f.path.endsWith(".ts")).map((f) => path.join(out, f.path));
    const program = ts.createProgram([...sources, programFile], STRICT_TSC_OPTIONS);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
      return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
    });
    expect(problems).toEqual([]);
  });

  it("hold the specs' prose in comments and strings only", () => {
    for (const f of files.filter((x) => x.path.endsWith(".ts") && !x.path.startsWith("clients/runtime/"))) {
      const identifiers = new Set<string>();
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, f.contents);
      for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
        if (token === ts.SyntaxKind.Identifier) identifiers.add(scanner.getTokenText());
      }
      expect(
        PROSE_WORDS.filter((word) => identifiers.has(word)),
        f.path,
      ).toEqual([]);
    }
    // The prose is there, in comments.
    for (const name of ["index.ts", "types.d.ts"]) expect(file(`clients/hostile/${name}`).contents).toContain("{@link nothing}");
  });
});

describe("the OpenAPI documents", () => {
  const documents = () => files.filter((f) => f.path.startsWith("openapi/"));

  it("keep every hazardous name as the docs wrote it", () => {
    const document = json<OpenApiDocument>("openapi/hostile-2024-01-01.json");
    const objectResource = hostile().resources.find((r) => r.type === "Object")!;
    const attributes = document.components.schemas!["Object.attributes"]!.properties!;
    expect(Object.keys(attributes).sort()).toEqual(
      objectResource.attributes
        .map((a) => a.name)
        .filter((n) => n !== "id")
        .sort(),
    );
    const relationships = document.components.schemas!["Object.relationships"]!.properties!;
    expect(Object.keys(relationships).sort()).toEqual(objectResource.relationships.map((r) => r.name).sort());
    expect(Object.keys(document.paths)).toContain("/hostile/v2/objects/{object_id}/__proto__");
  });

  it("pass swagger-parser's validation", async () => {
    for (const d of documents()) {
      await expect(
        SwaggerParser.validate(JSON.parse(d.contents) as Parameters<typeof SwaggerParser.validate>[0]),
        d.path,
      ).resolves.toBeDefined();
    }
  });

  it("have no Spectral error (each linted in a process of its own: test/reliability/spectral-lint.mjs)", async () => {
    const lint = path.join(REPO_ROOT, "test/reliability/spectral-lint.mjs");
    const errors = await Promise.all(
      documents().map(async (d) => {
        const { stdout } = await promisify(execFile)(process.execPath, [lint, path.join(out, d.path)], { cwd: REPO_ROOT });
        return stdout
          .split("\n")
          .filter(Boolean)
          .map((line) => `${d.path}: ${line}`);
      }),
    );
    expect(errors.flat()).toEqual([]);
  });

  it("have no Redocly error (the CLI exits 0)", async () => {
    const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin/cli.js");
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };
    const lint = promisify(execFile)(
      process.execPath,
      [cli, "lint", "--extends=recommended", "--format=summary", ...documents().map((d) => path.join(out, d.path))],
      { env },
    );
    await expect(
      lint.then(
        () => "no error",
        (error: { stdout?: string }) => error.stdout,
      ),
    ).resolves.toBe("no error");
  });
});

describe("the fixtures", () => {
  interface Record_ {
    type: string;
    id: string;
    attributes: Record<string, unknown>;
    relationships: Record<string, unknown>;
  }

  it("hold every documented attribute and relationship as an ordinary key, and fit their OpenAPI schemas", () => {
    const document = json<OpenApiDocument>("openapi/hostile-2024-01-01.json");
    const validate = componentValidator(document);
    const schemas = document.components.schemas!;
    // The resource object schema of a type: the one that requires an id and whose `type` is that type.
    const keyOfType = (type: string) =>
      Object.keys(schemas).find((key) => {
        const schema = schemas[key] as { properties?: { type?: Schema }; required?: string[] };
        return schema.properties?.type?.const === type && schema.required?.includes("id") === true;
      });
    let checked = 0;
    for (const f of files.filter(
      (x) => x.path.startsWith("fixtures/hostile/") && x.path.endsWith(".json") && !x.path.includes("/errors."),
    )) {
      const body = JSON.parse(f.contents) as { data: Record_ | Record_[]; included?: Record_[] };
      for (const record of [...[body.data].flat(), ...(body.included ?? [])]) {
        const resource = hostile().resources.find((r) => r.type === record.type)!;
        expect(Object.keys(record.attributes).sort(), f.path).toEqual(
          resource.attributes
            .map((a) => a.name)
            .filter((n) => n !== "id")
            .sort(),
        );
        expect(Object.keys(record.relationships).sort(), f.path).toEqual(resource.relationships.map((r) => r.name).sort());
        expect(validate(keyOfType(record.type)!, record), `${f.path} ${record.type} ${record.id}`).toEqual([]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(hostile().resources.length * 3);
  });
});

describe("prototype pollution", () => {
  afterAll(() => {
    // Nothing any test here did may have reached the prototype every object shares.
    expect(Object.getOwnPropertyNames(Object.prototype).filter((name) => name.includes("polluted"))).toEqual([]);
  });

  const POLLUTING_BODY = `{
    "data": {"type": "Object", "id": "1",
      "attributes": {"__proto__": {"polluted": "attributes"}, "constructor": {"prototype": {"polluted": "constructor"}}, "then": "x", "prototype": {"polluted": "prototype"}},
      "relationships": {"__proto__": {"data": {"type": "Promise", "id": "2"}}, "constructor": {"data": [{"type": "Error", "id": "3"}]}},
      "links": {"__proto__": {"polluted": "links"}}, "meta": {"__proto__": {"polluted": "meta"}}},
    "included": [
      {"type": "Promise", "id": "2", "attributes": {"then": "not a function", "__proto__": {"polluted": "included"}}},
      {"type": "Error", "id": "3", "attributes": {"constructor": {"prototype": {"polluted": "error"}}}}],
    "meta": {"__proto__": {"polluted": "document"}}, "links": {"__proto__": {"polluted": "document links"}}
  }`;

  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/vnd.api+json" });
      response.end(POLLUTING_BODY);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a generated client keeps a response's __proto__ and constructor keys as ordinary properties", async () => {
    const bundle = path.join(dir, "hostile-client.mjs");
    await build({
      entryPoints: [path.join(out, "clients/hostile/index.ts")],
      bundle: true,
      format: "esm",
      platform: "node",
      outfile: bundle,
      logLevel: "silent",
    });
    const { createClient } = (await import(pathToFileURL(bundle).href)) as {
      createClient: (options: object) => {
        objects: { get(id: string, query: object): Promise<{ data: Record<string, unknown> & { attributes: object }; meta: object }> };
      };
    };
    const document = await createClient({ baseUrl: url }).objects.get("1", { include: ["__proto__", "constructor"] });

    const record = document.data;
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(record.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record.attributes, "__proto__")?.value).toEqual({ polluted: "attributes" });
    expect(Object.getOwnPropertyDescriptor(record, "__proto__")?.value).toMatchObject({ type: "Promise", id: "2" });
    expect(Object.getOwnPropertyDescriptor(record, "constructor")?.value).toEqual([expect.objectContaining({ type: "Error", id: "3" })]);
    expect(Object.getPrototypeOf(document.meta)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("the mock server stores a posted __proto__ attribute as an ordinary one, and answers every hostile path", async () => {
    const mock = await startMockServer({ specs });
    try {
      for (const collection of [
        "/hostile/v2/objects",
        "/hostile/v2/__proto__",
        "/hostile/v2/constructor",
        "/hostile/v2/default",
        "/constructor/v2/prototypes",
      ]) {
        expect((await fetch(`${mock.url}${collection}`)).status, collection).toBe(200);
      }
      const created = await fetch(`${mock.url}/hostile/v2/objects`, {
        method: "POST",
        headers: { "content-type": "application/vnd.api+json" },
        body: '{"data": {"type": "Object", "attributes": {"__proto__": {"polluted": "request"}, "constructor": 5, "first-name": "x"}}}',
      });
      expect(created.status).toBe(201);
      const id = ((await created.json()) as { data: { id: string } }).data.id;
      const stored = JSON.parse(await (await fetch(`${mock.url}/hostile/v2/objects/${id}`)).text()) as {
        data: { attributes: Record<string, unknown> };
      };
      expect(Object.getOwnPropertyDescriptor(stored.data.attributes, "__proto__")?.value).toEqual({ polluted: "request" });
      expect(stored.data.attributes).toMatchObject({ constructor: 5, "first-name": "x" });
      const found = (await (await fetch(`${mock.url}/hostile/v2/objects?where[constructor]=5`)).json()) as { data: { id: string }[] };
      expect(found.data.map((r) => r.id)).toEqual([id]);
    } finally {
      await mock.close();
    }
  });
});

it("generates through the command line, exit 0", async () => {
  const target = path.join(dir, "cli-generated");
  const run = await runCli(["generate", "--spec", SPECS, "--out", target]);
  expect(run.code).toBe(0);
  expect(readFileSync(path.join(target, "openapi/hostile-2024-01-01.json"), "utf8")).toBe(file("openapi/hostile-2024-01-01.json").contents);
});

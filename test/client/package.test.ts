/**
 * The clients as a package: the compiled modules and declarations beside
 * their sources, and a manifest whose every export names a file the renderer
 * writes.
 */
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { compileClients } from "../../generator/render/client/compile.js";
import { clientsPackageVersion } from "../../generator/render/client/package-manifest.js";
import { clientRenderer } from "../../generator/render/client/renderer.js";
import { latestPerApp, loadSpecs } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";

let committed: Spec[];
beforeAll(async () => {
  committed = (await loadSpecs(path.join(REPO_ROOT, "spec"))).value;
});

interface Manifest {
  version: string;
  type: string;
  sideEffects: boolean;
  engines: { node: string };
  files: string[];
  dependencies?: unknown;
  exports: Record<string, string | Record<string, string>>;
}

describe("the manifest", () => {
  test("every app is a subpath whose conditions name files the renderer writes, in the order Node and TypeScript read them", async () => {
    const { value } = await clientRenderer.render(committed);
    const written = new Set(value.map((f) => f.path));
    const manifest = JSON.parse(value.find((f) => f.path === "clients/package.json")!.contents) as Manifest;
    const apps = [...new Set(committed.map((s) => s.app))].sort();

    expect(Object.keys(manifest.exports).sort()).toEqual(["./package.json", ...apps.map((a) => `./${a}`)].sort());
    for (const app of apps) {
      const conditions = manifest.exports[`./${app}`] as Record<string, string>;
      // `types` first: TypeScript takes the first condition it knows.
      expect(Object.keys(conditions)).toEqual(["types", "import", "default"]);
      for (const target of Object.values(conditions)) expect(written.has(path.posix.join("clients", target))).toBe(true);
    }
    expect(manifest.type).toBe("module");
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.engines.node).toBe(">=20.19");
    expect(manifest.dependencies).toBeUndefined();
  });

  test("the version is the newest dated API version of any app; legacy versions do not count", () => {
    const spec = (app: string, version: string) => ({ ...committed[0]!, app, version });
    expect(clientsPackageVersion([spec("a", "2019-07-17"), spec("b", "2025-05-01"), spec("c", "legacy")])).toBe("2025.5.1");
    expect(clientsPackageVersion([spec("c", "legacy")])).toBe("0.0.0");
    // Recounted from spec/: the dates of the latest specs, compared as text.
    const newest = latestPerApp(committed)
      .map((s) => s.version)
      .filter((v) => /^\d{4}-\d\d-\d\d$/.test(v))
      .sort()
      .at(-1)!;
    const [year, month, day] = newest.split("-").map(Number);
    expect(clientsPackageVersion(latestPerApp(committed))).toBe(`${year}.${month}.${day}`);
  });
});

describe("compiling", () => {
  const source = {
    path: "app/index.ts",
    contents:
      'import { type A, b } from "./b.js";\n/** Doubles. */\nexport function twice(x: number): number {\n  return b(x) * 2;\n}\nexport type { A };\n',
  };

  test("a module compiles to JavaScript without its types and to declarations with its doc comments", () => {
    const [dts, js] = compileClients([source, { path: "app/types.d.ts", contents: "export type T = 1;\n" }]);
    expect(js!.path).toBe("app/index.js");
    expect(js!.contents).toContain('import { b } from "./b.js";');
    expect(js!.contents).not.toMatch(/: number|type A/);
    expect(dts!.path).toBe("app/index.d.ts");
    expect(dts!.contents).toContain("/** Doubles. */\nexport declare function twice(x: number): number;");
  });

  test("an export whose type must be inferred is refused, naming the file and line", () => {
    const bad = { path: "app/bad.ts", contents: "export const ok: number = 1;\nexport function inferred() {\n  return ok;\n}\n" };
    expect(() => compileClients([bad])).toThrow(/^app\/bad\.ts does not compile:\napp\/bad\.ts:2:\d+: /);
  });

  test("the same sources give the same bytes", () => {
    expect(compileClients([source])).toEqual(compileClients([{ ...source }]));
  });
});

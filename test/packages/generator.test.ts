/**
 * The generator's own package, as `npm pack` makes it: what the tarball holds
 * (the bin, the compiled generator built at pack time, the templates, the
 * compiled clients it exports) and what it leaves out (tests, bench, corpus,
 * specs, fixtures), every export pointing at a file inside it, and the
 * installed bin running `--help` and a real `generate`.
 *
 * The tarball is unpacked into a project's node_modules as npm would place
 * it. Its dependencies come from this repository's node_modules, reached by
 * Node's lookup through a parent folder: the test runs offline, and the
 * registry's packages are not in npm's cache to install from.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { listFiles } from "../../generator/emit.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { command, pack } from "../helpers/npm.js";

let dir: string;
let files: string[];
let installed: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-generator-package-"));
  const packed = await pack(REPO_ROOT, dir);
  files = packed.files;
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  installed = path.join(dir, "project/node_modules/pco-codegen");
  await mkdir(installed, { recursive: true });
  await command("tar", ["-xzf", packed.tarball, "-C", installed, "--strip-components=1"], dir);
  // Packing builds the generator (prepack): on a busy machine that takes a while.
}, 600_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

test("the tarball holds the bin, the compiled generator, the templates and the compiled clients, and no tests, bench, corpus, specs or fixtures", async () => {
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    bin: Record<string, string>;
    private?: boolean;
  };
  expect(manifest.private).toBeUndefined();
  for (const bin of Object.values(manifest.bin)) expect(files).toContain(bin);
  expect(files).toContain("dist/generator/cli.js");
  for (const built of ["dist/runtime.json", "dist/validators.json", "dist/templates.json"]) expect(files).toContain(built);
  expect(files).toContain("templates/client/index.ts.hbs");
  expect(files).toContain("templates/runtime/client.ts");
  expect(files).toContain("overrides.json");
  const unwanted = files.filter(
    (f) =>
      /^(test|bench|spec|node_modules|dist\/bench|dist\/test|dist\/generator\/fuzz|generated\/(fixtures|openapi|changelog))\//.test(f) ||
      f.includes("__golden__"),
  );
  expect(unwanted).toEqual([]);
  // TypeScript sources ship only as templates: the clients it exports are compiled.
  expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.startsWith("templates/runtime/"))).toEqual([]);
});

test("every export names files inside the tarball: each app's client, the compiled generator, the manifest", async () => {
  const manifest = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8")) as {
    exports: Record<string, string | Record<string, string>>;
  };
  const apps = [...new Set((await loadSpecs(path.join(REPO_ROOT, "spec"))).value.map((s) => s.app))];
  const inTarball = new Set(await listFiles(installed));
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const targets = typeof target === "string" ? [target] : Object.values(target);
    for (const pattern of targets) {
      // A `*` pattern must reach every app (for the clients) or at least one file (for dist/generator/*).
      const candidates = pattern.includes("*") ? (subpath === "./*" ? apps.map((app) => pattern.replace("*", app)) : []) : [pattern];
      for (const file of candidates) expect(inTarball.has(path.posix.normalize(file)), `${subpath} → ${file}`).toBe(true);
      if (pattern.includes("*") && subpath !== "./*") {
        const prefix = path.posix.normalize(pattern.slice(0, pattern.indexOf("*")));
        expect(
          [...inTarball].some((f) => f.startsWith(prefix)),
          `${subpath} → ${pattern}`,
        ).toBe(true);
      }
    }
  }
});

test("the installed bin prints its help, and generates clients from a spec", { timeout: 300_000 }, async () => {
  const project = path.dirname(path.dirname(installed));
  const bin = path.join(installed, "bin/pco-codegen.js");
  const help = await command(process.execPath, [bin, "--help"], project);
  expect(help).toMatch(/pco-codegen generate/);

  const specs = path.join(project, "spec/webhooks");
  await mkdir(specs, { recursive: true });
  await copyFile(path.join(REPO_ROOT, "spec/webhooks/2022-10-20.json"), path.join(specs, "2022-10-20.json"));
  await command(process.execPath, [bin, "generate", "--spec", "spec", "--out", "generated"], project);
  const written = await listFiles(path.join(project, "generated/clients"));
  expect(written).toEqual(
    expect.arrayContaining(["package.json", "webhooks/index.js", "webhooks/index.d.ts", "webhooks/index.ts", "runtime/client.js"]),
  );
  // The installed generator takes the runtime its build wrote (it has no compiler of its own to render it with)...
  const probe = `const m = await import(${JSON.stringify(path.join(installed, "dist/generator/render/client/prebuilt-runtime.js"))});
    process.stdout.write(String((await m.prebuiltRuntime())?.length ?? "none"));`;
  expect(Number(await command(process.execPath, ["--input-type=module", "-e", probe], project))).toBeGreaterThan(10);
  // ...which is the runtime this repository's generate writes.
  for (const file of written.filter((f) => f.startsWith("runtime/"))) {
    expect(await readFile(path.join(project, "generated/clients", file), "utf8"), file).toBe(
      await readFile(path.join(REPO_ROOT, "generated/clients", file), "utf8"),
    );
  }
});

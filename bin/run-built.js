#!/usr/bin/env node
// The npm scripts run the CLI through this file. It compiles the generator
// (tsconfig.build.json into dist/) and writes the clients' runtime as the
// generator renders it (dist/runtime.json), the spec's validators
// (dist/validators.json) and the client's templates precompiled
// (dist/templates.json) only when a source of any changed since the last
// build, then runs the CLI in the same process: a command with nothing to
// build costs a few file stats, not a TypeScript compiler's start.
//
//   node bin/run-built.js <pco-codegen arguments>
//   node bin/run-built.js --build-only
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stampFile = path.join(root, "dist", ".sources-stamp");

/**
 * Every input of the compile, by path, size and modification time: a file
 * added, removed, edited or checked out changes it. The compiler's version is
 * in package-lock.json.
 */
function sourcesStamp() {
  const hash = createHash("sha256");
  const files = ["tsconfig.json", "tsconfig.build.json", "package-lock.json"];
  for (const [folder, extension] of [
    ["generator", ".ts"],
    ["bench", ".ts"],
    ["templates/runtime", ".ts"],
    ["templates/client", ".hbs"],
  ]) {
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(extension)) files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
    }
  }
  for (const file of files.sort()) {
    let stat;
    try {
      stat = statSync(path.join(root, file));
    } catch {
      continue; // an optional input that is absent
    }
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  return hash.digest("hex");
}

function readStamp() {
  try {
    return readFileSync(stampFile, "utf8");
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const stamp = sourcesStamp();
if (readStamp() !== stamp) {
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const compiled = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (compiled.status !== 0) {
    process.stderr.write("error: the generator does not compile (tsc -p tsconfig.build.json); nothing was run\n");
    process.exit(2);
  }
  const { writePrebuiltRuntime } = await import("../dist/generator/render/client/prebuilt-runtime.js");
  const { writePrebuiltValidators } = await import("../dist/generator/spec/prebuilt-validators.js");
  const { writePrebuiltTemplates } = await import("../dist/generator/render/client/prebuilt-templates.js");
  try {
    await writePrebuiltRuntime();
    writePrebuiltValidators();
    await writePrebuiltTemplates();
  } catch (error) {
    process.stderr.write(
      `error: the clients' runtime, validators or templates could not be built: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  }
  // The stamp taken before building: a source saved during the build is built next time.
  writeFileSync(stampFile, stamp);
}
if (args[0] !== "--build-only") {
  const { main } = await import("../dist/generator/cli.js");
  process.exitCode = await main(args);
}

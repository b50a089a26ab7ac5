/**
 * Which files of a spec folder are specs: `<app>/<version>.json`, two levels
 * down and no further. A symbolic link to an app's folder or to a spec counts
 * as what it points to; before, both were skipped without a word, and a spec
 * folder of links was "no specs".
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listSpecFiles } from "../../generator/spec/spec-file.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { runCli } from "../helpers/cli.js";
import { scratchFolder } from "../helpers/scratch.js";

const { folder } = scratchFolder("pco-spec-files-");

describe("listSpecFiles", () => {
  it("lists <app>/<version>.json alone: not the folder's own files, not deeper ones, not other names", () => {
    const specs = folder("spec");
    mkdirSync(path.join(specs, "people", "deeper"), { recursive: true });
    for (const file of ["spec.schema.json", "people/2025-03-20.json", "people/legacy.json", "people/notes.txt", "people/deeper/x.json"]) {
      writeFileSync(path.join(specs, file), "{}");
    }
    expect(listSpecFiles(specs)).toEqual(["people/2025-03-20.json", "people/legacy.json"]);
    expect(listSpecFiles(path.join(specs, "missing"))).toEqual([]);
    expect(listSpecFiles(path.join(specs, "spec.schema.json"))).toEqual([]);
  });

  it("follows a link to an app's folder or to a spec, and skips one that leads nowhere or in a circle", async () => {
    const root = folder("links");
    const elsewhere = path.join(root, "elsewhere");
    cpSync(path.join(REPO_ROOT, "spec", "webhooks"), path.join(elsewhere, "webhooks"), { recursive: true });
    const specs = path.join(root, "spec");
    mkdirSync(path.join(specs, "people"), { recursive: true });
    symlinkSync(path.join(elsewhere, "webhooks"), path.join(specs, "webhooks"));
    symlinkSync(path.join(REPO_ROOT, "spec", "people", "legacy.json"), path.join(specs, "people", "legacy.json"));
    symlinkSync(path.join(root, "nowhere"), path.join(specs, "people", "2099-01-01.json"));
    symlinkSync(path.join(specs, "loop"), path.join(specs, "loop"));
    expect(listSpecFiles(specs)).toEqual(["people/legacy.json", "webhooks/2022-10-20.json", "webhooks/legacy.json"]);

    const run = await runCli(["check", "--spec", specs, "--out", path.join(root, "generated")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^missing: \S+generated\/openapi\/people-legacy\.json$/m);
  });
});

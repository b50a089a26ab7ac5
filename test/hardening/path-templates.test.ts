/**
 * A spec's paths are templates of segments that are neither empty, `.` nor
 * `..` (the contract's `PathTemplate`): a client, the mock server and the
 * OpenAPI document take them as they are, and `/people/v2/people/../../../x`
 * would send a call elsewhere than it names. The official OpenAPI reader
 * skips such a path with a warning (`map-document.test.ts`); a spec that holds
 * one anyway is refused as it is loaded, at its pointer, and nothing is
 * written.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PATH_TEMPLATE } from "../../generator/spec/paths.js";
import { runCli } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { peopleSpecFolder } from "../helpers/people-spec-folder.js";
import { scratchFolder } from "../helpers/scratch.js";

const { folder } = scratchFolder("pco-path-templates-");

describe("path templates", () => {
  it("are what the contract's schema says a path is", () => {
    // The schema writes the pattern out for every `path` property it holds.
    const patterns = new Set<string>();
    const walk = (node: unknown): void => {
      if (typeof node !== "object" || node === null) return;
      const path = (node as { properties?: { path?: { pattern?: string } } }).properties?.path;
      if (path?.pattern !== undefined) patterns.add(path.pattern);
      for (const value of Object.values(node)) walk(value);
    };
    walk(JSON.parse(readFileSync(path.join(REPO_ROOT, "spec", "spec.schema.json"), "utf8")));
    expect([...patterns]).toEqual([PATH_TEMPLATE.source.replaceAll("\\/", "/")]);
    for (const good of ["/people/v2", "/people/v2/people/{person_id}/emails", "/check-ins/v2/events/{event_id}/attendance_types"]) {
      expect(PATH_TEMPLATE.test(good), good).toBe(true);
    }
    for (const bad of ["/people/v2/../x", "/people/v2/./x", "/people//v2", "/people/v2/", "people/v2", "/people/v2?x=1", "/a b", ""]) {
      expect(PATH_TEMPLATE.test(bad), bad).toBe(false);
    }
  });

  it("a spec whose endpoint path climbs out with ..: generate exits 1 naming the spec and the pointer, and writes nothing", async () => {
    const spec = folder("spec");
    const index = peopleSpecFolder(spec, (person) => void (person.endpoints[0]!.path = "/people/v2/people/../../../etc/passwd"));
    const out = path.join(folder("out"), "generated");

    const run = await runCli(["generate", "--spec", spec, "--out", out]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`people/2025-03-20.json: error SPEC_SCHEMA: /resources/${index}/endpoints/0/path must match pattern`);
    expect(existsSync(out)).toBe(false);
  });
});

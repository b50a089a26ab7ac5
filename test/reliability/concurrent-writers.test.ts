/**
 * Two `scrape` processes writing one --out at the same moment, each a
 * different app: they take turns on the folder's lock, so both exit 0, both
 * apps' specs are there, and neither a staging folder nor the lock is left.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { corpusPath, describeCorpus, REPO_ROOT } from "../helpers/corpus.js";
import { bundledCli, runCliProcess } from "../helpers/cli-process.js";

const work = mkdtempSync(path.join(tmpdir(), "pco-concurrent-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => bundledCli(), 60_000);

describeCorpus("two scrapes into one folder at once", () => {
  it("lose neither's spec, in every one of three rounds", async () => {
    const source = `portal:${corpusPath("portal", "captured-2025-07")}`;
    for (let round = 0; round < 3; round++) {
      const parent = mkdtempSync(path.join(work, "round-"));
      const out = path.join(parent, "spec");
      const scrape = (app: string) => runCliProcess(["scrape", "--from", source, "--app", app, "--out", out], { cwd: REPO_ROOT });
      const [people, groups] = await Promise.all([scrape("people"), scrape("groups")]);
      expect(people.code, people.stderr).toBe(0);
      expect(groups.code, groups.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual(["groups", "people", "spec.schema.json"]);
      expect(readdirSync(path.join(out, "people"))).toHaveLength(1);
      expect(readdirSync(path.join(out, "groups"))).toHaveLength(1);
      expect(readdirSync(parent)).toEqual(["spec"]);
    }
  });
});

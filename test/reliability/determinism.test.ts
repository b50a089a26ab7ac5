/**
 * The whole pipeline, `scrape` of the corpus then `generate`, run as real
 * processes three times: twice alike, and once with its sources given in
 * another order (where the order means nothing: a later source wins only for
 * the same app-version) in another time zone and locale (Kiritimati, UTC+14;
 * Turkish, whose collation and case rules differ from English ones). Every byte of spec/ and
 * generated/ agrees; and the renderers give the same bytes when handed the
 * specs in reverse order. (Node lists a folder in name order whatever the
 * file system, so a folder's own order cannot vary; the readers' indifference
 * to the order their files come in is tested in test/portal/determinism.)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listFiles } from "../../generator/emit.js";
import { renderAll } from "../../generator/generate.js";
import { loadSpecs } from "../../generator/spec/load.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";
import { runCliProcess, type ProcessRun } from "../helpers/cli-process.js";

/** The sources of the committed spec (pco-codegen.sources.json), read under `docs/`; the 2022 capture before the 2025 one, which wins. */
const SOURCES = ["portal:docs/portal/captured-2022-12", "portal:docs/portal/captured-2025-07", "slate:docs/slate/2018-03-15/source"];
/** The same sources in another order that means the same: Slate's `legacy` specs never meet the portal's dated ones. */
const REORDERED = [SOURCES[2]!, SOURCES[0]!, SOURCES[1]!];

const BASE_ENV = { ...process.env, TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" };
const OTHER_ENV = { ...process.env, TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" };

interface PipelineRun {
  scrape: ProcessRun;
  generate: ProcessRun;
  /** Every file of spec/ and generated/, with a digest of its bytes. */
  files: Map<string, string>;
}

async function pipeline(sources: readonly string[], folder: string, env: NodeJS.ProcessEnv): Promise<PipelineRun> {
  mkdirSync(folder, { recursive: true });
  symlinkSync(DOCS_DIR, path.join(folder, "docs"));
  const from = sources.flatMap((source) => ["--from", source]);
  const scrape = await runCliProcess(["scrape", ...from, "--out", "spec", "--prune"], { cwd: folder, env });
  const generate = await runCliProcess(["generate", "--spec", "spec", "--out", "generated"], { cwd: folder, env });
  const files = new Map<string, string>();
  for (const tree of ["spec", "generated"]) {
    for (const file of await listFiles(path.join(folder, tree))) {
      files.set(`${tree}/${file}`, digest(readFileSync(path.join(folder, tree, file))));
    }
  }
  return { scrape, generate, files };
}

const digest = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** The files whose bytes differ, or that only one run has. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
}

describeCorpus("the whole pipeline, as processes", () => {
  const root = mkdtempSync(path.join(tmpdir(), "pco-determinism-"));
  let first: PipelineRun;
  let second: PipelineRun;
  let other: PipelineRun;

  beforeAll(async () => {
    [first, second, other] = await Promise.all([
      pipeline(SOURCES, path.join(root, "first"), BASE_ENV),
      pipeline(SOURCES, path.join(root, "second"), BASE_ENV),
      pipeline(REORDERED, path.join(root, "other"), OTHER_ENV),
    ]);
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("runs: every command exits 0", () => {
    for (const run of [first, second, other]) {
      expect([run.scrape.code, run.generate.code], run.scrape.stderr + run.generate.stderr).toEqual([0, 0]);
    }
    expect(first.files.size).toBeGreaterThan(1000);
  });

  it("twice alike gives identical bytes", () => {
    expect(differences(first.files, second.files)).toEqual([]);
  });

  it("with its sources reordered, in another time zone and locale, gives identical bytes", () => {
    // The environment did change for the process.
    const probe = "console.log(Intl.DateTimeFormat().resolvedOptions().locale, new Date('2024-06-01').getTimezoneOffset())";
    expect(execFileSync(process.execPath, ["-e", probe], { env: OTHER_ENV }).toString().trim()).toBe("tr-TR -840");
    expect(differences(first.files, other.files)).toEqual([]);
  });

  it("renders the same bytes from the specs handed over in reverse order", async () => {
    const specs = (await loadSpecs(path.join(root, "first", "spec"))).value;
    const rendered = await renderAll([...specs].reverse());
    const files = new Map(rendered.files.map((f) => [`generated/${f.path}`, digest(f.contents)]));
    const generated = new Map([...first.files].filter(([file]) => file.startsWith("generated/")));
    expect(differences(generated, files)).toEqual([]);
  });
});

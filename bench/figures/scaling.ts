/**
 * Figure 8: how `generate` grows with the number of specs, and what a change
 * to one spec costs in a large tree. The committed specs are copied K times
 * (K = 1, 4, 16) under new version names; each copy of a spec is the same API
 * under another date, so every copy renders its own OpenAPI document and
 * fixtures. Each count is generated into a new folder as a process, with the
 * format cache warm (the cold cost is figure 1's), and its peak memory read.
 * At the largest count, one spec is changed and generate run again: against
 * it stands a generate that finds nothing changed, which is the comparison of
 * the folder with what it should hold and nothing else.
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../../generator/emit.js";
import { SPEC_FILE } from "../../generator/spec/spec-file.js";
import { assertSucceeded, megabytes, RowCollector, runNode, type ChildRun, type Figure } from "../harness.js";
import { cliPath } from "../workspace.js";

export const COPIES = [1, 4, 16] as const;

/**
 * The version copy `k` of a spec is renamed to: a date `k` years before a dated
 * version, or a date in year 1000 + k for `legacy` and `unversioned`. Copy 0
 * is the spec itself.
 */
export function copiedVersion(version: string, k: number): string {
  if (k === 0) return version;
  const dated = /^(\d{4})(-\d{2}-\d{2})$/.exec(version);
  if (dated) return `${String(Number(dated[1]) - k).padStart(4, "0")}${dated[2]}`;
  return `${1000 + k}-01-${version === "legacy" ? "01" : "02"}`;
}

/** `copies` copies of every spec of `from`, written into `to`; returns the number of specs. */
export async function copySpecs(from: string, to: string, copies: number): Promise<number> {
  const files = (await listFiles(from)).filter((file) => SPEC_FILE.test(file));
  let count = 0;
  for (const file of files) {
    const text = await readFile(path.join(from, file), "utf8");
    const [app, name] = file.split("/") as [string, string];
    const version = name.slice(0, -".json".length);
    for (let k = 0; k < copies; k++) {
      const renamed = copiedVersion(version, k);
      const contents = text.replace(`"version": ${JSON.stringify(version)}`, `"version": ${JSON.stringify(renamed)}`);
      if (contents === text && k > 0) throw new Error(`${file}: no "version" field to rename`);
      await mkdir(path.join(to, app), { recursive: true });
      await writeFile(path.join(to, app, `${renamed}.json`), contents);
      count += 1;
    }
  }
  return count;
}

/** Changes one spec's title, in place: the smallest edit that changes what that spec renders. */
export async function changeOneSpec(specFolder: string, file: string, mark: string): Promise<void> {
  const target = path.join(specFolder, file);
  const text = await readFile(target, "utf8");
  const changed = text.replace(
    /"title": "([^"]*)"/,
    (_all, title: string) => `"title": ${JSON.stringify(`${title.replace(/ \(edit \d+\)$/, "")} (edit ${mark})`)}`,
  );
  if (changed === text) throw new Error(`${file}: no title to change`);
  await writeFile(target, changed);
}

export const scalingFigure: Figure = {
  id: "8",
  title: "`generate` as the number of specs grows",
  async run({ workspace, runs, log }) {
    const rows = new RowCollector();
    const cache = path.join(workspace.dir, "scaling-cache");
    const cli = async (command: "generate" | "check", spec: string, out: string, ...flags: string[]): Promise<ChildRun> =>
      assertSucceeded(
        await runNode([cliPath(workspace.repo), command, "--spec", spec, "--out", out, ...flags], {
          cwd: workspace.repo,
          env: { PCO_CODEGEN_CACHE: cache },
          peakMemory: true,
        }),
        `pco-codegen ${command}`,
      );
    const generate = (spec: string, out: string, ...flags: string[]) => cli("generate", spec, out, ...flags);
    const largest = COPIES[COPIES.length - 1]!;
    const folders = new Map<number, { spec: string; count: number }>();
    for (const k of COPIES) {
      const spec = path.join(workspace.dir, `scaling-spec-${k}`);
      const count = await copySpecs(path.join(workspace.repo, "spec"), spec, k);
      folders.set(k, { spec, count });
      log(`  ${k}×: ${count} specs; filling the format cache`);
      await generate(spec, await mkdtemp(path.join(workspace.dir, "scaling-warmup-")));
    }
    const changing = "people/2025-03-20.json";
    for (let run = 0; run < runs; run++) {
      for (const k of COPIES) {
        const { spec, count } = folders.get(k)!;
        const out = await mkdtemp(path.join(workspace.dir, `scaling-out-${k}-`));
        // --force renders every spec, where the store of rendered units would otherwise serve them all.
        const fresh = await generate(spec, out, "--force");
        rows.add(`${k}× (${count} specs): generate --force into a new folder (renders every spec), per spec`, "ms", fresh.ms / count);
        rows.add(
          `${k}× (${count} specs): peak resident memory`,
          "MB",
          megabytes(fresh.maxRssBytes ?? 0),
          k === largest ? { compare: "at most", value: 500 } : undefined,
        );
        if (k !== largest) continue;
        const served = await generate(spec, await mkdtemp(path.join(workspace.dir, `scaling-served-${k}-`)));
        rows.add(`${k}×: generate into a new folder, every unit from the store, per spec`, "ms", served.ms / count);
        await changeOneSpec(spec, changing, String(run + 1));
        const oneChanged = await generate(spec, out);
        if (!/: 0 new, [1-9]\d* changed, 0 removed$/m.test(oneChanged.stderr))
          throw new Error(`a one-spec change wrote:\n${oneChanged.stderr}`);
        const noop = await generate(spec, out);
        if (!/, unchanged$/m.test(noop.stderr)) throw new Error(`a generate after the change changed the folder again:\n${noop.stderr}`);
        rows.add(`${k}×: one spec changed ÷ nothing changed (the comparison alone)`, "×", oneChanged.ms / noop.ms, {
          compare: "at most",
          value: 1.5,
        });
        // The changed spec rendered in a process of its own: what any generate that renders a whole spec pays for this change.
        const alone = await mkdtemp(path.join(workspace.dir, "scaling-alone-"));
        await mkdir(path.join(alone, "spec", path.dirname(changing)), { recursive: true });
        await copyFile(path.join(spec, changing), path.join(alone, "spec", changing));
        const renderedAlone = await generate(path.join(alone, "spec"), path.join(alone, "out"), "--force");
        rows.add(`${k}×: the changed spec rendered alone, a process of its own ÷ nothing changed`, "×", renderedAlone.ms / noop.ms);
        rows.add(`${k}×: one spec changed`, "ms", oneChanged.ms);
        rows.add(`${k}×: nothing changed`, "ms", noop.ms);
        rows.add(`${k}×: the changed spec rendered alone (generate --force of a folder holding only it)`, "ms", renderedAlone.ms);
        rows.add(`${k}×: one spec changed, peak resident memory`, "MB", megabytes(oneChanged.maxRssBytes ?? 0));
        const check = await cli("check", spec, out);
        rows.add(`${k}×: check (renders every spec and compares), per spec`, "ms", check.ms / count);
        rows.add(`${k}×: check, peak resident memory`, "MB", megabytes(check.maxRssBytes ?? 0));
        log(
          `  run ${run + 1}: ${k}× fresh ${Math.round(fresh.ms)} ms, one spec ${Math.round(oneChanged.ms)} ms, none ${Math.round(noop.ms)} ms`,
        );
      }
    }
    return {
      id: this.id,
      title: this.title,
      method:
        `The committed specs copied K times (K = ${COPIES.join(", ")}): copy k of a dated version is the same spec dated k years ` +
        "earlier, and of `legacy` a date in the year 1000 + k (`bench/figures/scaling.ts`). For each K, `pco-codegen generate` into a " +
        "new folder with `--force` (every spec rendered), a process timed from spawn to exit, after a first generate filled the caches " +
        "(an empty cache is figure 1's case); its peak resident set. At K = " +
        `${largest}, also a plain generate into another new folder, which the store of rendered units serves whole; then the title of ` +
        `\`${changing}\` is changed and generate run again into the first folder (it must report only changed files), then once more ` +
        "with nothing changed: that generate compares the folder with what it should hold and does nothing else, and is the yardstick " +
        "of the change. Beside it, the changed spec alone in a folder of its own, generated with `--force` into a new folder: the " +
        "render of one whole spec, which any generate that renders the spec pays. Last, `pco-codegen check` of that folder: it " +
        "renders every spec, and compares each unit's files as they come.",
      rows: rows.result(),
    };
  },
};

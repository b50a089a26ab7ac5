/**
 * Reading the official OpenAPI documents: the `openapi:` source's work on
 * each of the corpus's six documents (parsing and mapping it into a draft,
 * positions found only for diagnostics) against `JSON.parse` of the same
 * texts alone, in this process, from text already in memory.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readDocument } from "../../generator/sources/openapi/reader.js";
import { msSince, RowCollector, type Figure } from "../harness.js";
import { committedSources, sourceLocation } from "../workspace.js";

interface OfficialText {
  location: string;
  text: string;
}

/** Every `{app}/v2/open_api/{version}.json` of the first `openapi:` source of the committed configuration. */
function officialTexts(repo: string): OfficialText[] | undefined {
  const source = committedSources(repo).find((s) => s.startsWith("openapi:"));
  const folder = source === undefined ? undefined : sourceLocation(repo, source);
  if (folder === undefined || !existsSync(folder)) return undefined;
  return readdirSync(folder)
    .sort()
    .flatMap((app) => {
      const versions = path.join(folder, app, "v2", "open_api");
      return existsSync(versions)
        ? readdirSync(versions)
            .sort()
            .map((file) => path.join(versions, file))
        : [];
    })
    .map((file) => ({ location: path.relative(repo, file), text: readFileSync(file, "utf8") }));
}

/** Milliseconds one pass of `work` over every text takes, after a collection of the garbage. */
function pass(texts: readonly OfficialText[], work: (t: OfficialText) => unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  for (const t of texts) work(t);
  return msSince(start);
}

/**
 * The best pass of each way of working, over `repetitions` rounds that run one
 * pass of each in turn: a moment of load on the machine falls on both, not on
 * whichever happened to run then.
 */
function bestOfEach(repetitions: number, texts: readonly OfficialText[], ways: readonly ((t: OfficialText) => unknown)[]): number[] {
  const best = ways.map(() => Infinity);
  for (let i = 0; i < repetitions; i++) ways.forEach((work, w) => (best[w] = Math.min(best[w]!, pass(texts, work))));
  return best;
}

/** Passes of each way per run: each takes some tens of milliseconds. */
const PASSES = 9;

export const openApiReadFigure: Figure = {
  id: "9",
  title: "Reading the official OpenAPI documents",
  async run({ workspace, runs }) {
    const method = `The openapi: source reading every official document of the corpus (parse and map to a draft) against JSON.parse of the same texts; the best of ${PASSES} passes of each per run, the two taking turns.`;
    const texts = officialTexts(workspace.repo);
    if (texts === undefined || texts.length === 0)
      return {
        id: this.id,
        title: this.title,
        method,
        rows: [],
        skipped: "no openapi: source in pco-codegen.sources.json on this machine",
      };
    const rows = new RowCollector();
    const bytes = texts.reduce((sum, t) => sum + t.text.length, 0);
    for (let run = 0; run < runs; run++) {
      const [parse, read] = bestOfEach(PASSES, texts, [(t) => JSON.parse(t.text), (t) => readDocument(t)]) as [number, number];
      rows.add(`JSON.parse of ${texts.length} documents (${(bytes / 1e6).toFixed(1)} MB)`, "ms", parse);
      rows.add("openapi: source, reading them", "ms", read);
      rows.add("reading ÷ JSON.parse", "×", read / parse, { compare: "at most", value: 3 });
    }
    return { id: this.id, title: this.title, method, rows: rows.result() };
  },
};

/**
 * Figure 4: decoding one page of 100 records with 325 included records into
 * records with their includes resolved: our runtime's decoder (the one every
 * generated client calls, bundled from the rendered runtime) against jsona's
 * `deserialize` and kitsu-core's `deserialise`, in this process. Every
 * operation starts from the answer's text, as a client receives it.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Jsona } from "jsona";
import * as kitsu from "kitsu-core";
import { latestDatedPerApp, loadSpecs } from "../../generator/spec/load.js";
import { RowCollector, type Figure } from "../harness.js";
import type { Workspace } from "../workspace.js";
import { buildDecodePage, PAGE_SIZE, type DecodePage } from "./decode-page.js";

export interface Decoder {
  name: string;
  decode(text: string): unknown;
  /** The decoded page's records. */
  records(decoded: unknown): unknown[];
}

type PageOf = (body: unknown, include: readonly string[] | undefined) => { data: unknown[] };

// kitsu-core's declarations re-export without file extensions, which NodeNext resolution cannot follow.
const { deserialise } = kitsu as unknown as { deserialise: (body: unknown) => unknown };

/** The runtime's `pageOf`, bundled by esbuild from the rendered runtime into a module this process can load. */
export async function loadRuntimeDecoder(workspace: Pick<Workspace, "dir" | "generated">): Promise<PageOf> {
  const runtime = path.join(workspace.generated, "clients", "runtime");
  const bundle = await build({
    stdin: { contents: `export { pageOf } from "./jsonapi.js";`, resolveDir: runtime, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const file = path.join(workspace.dir, "decode", "runtime-decoder.mjs");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bundle.outputFiles[0]!.text);
  return ((await import(pathToFileURL(file).href)) as { pageOf: PageOf }).pageOf;
}

export function decoders(pageOf: PageOf, include: readonly string[]): Decoder[] {
  const jsona = new Jsona();
  return [
    { name: "ours", decode: (text) => pageOf(JSON.parse(text), include), records: (page) => (page as { data: unknown[] }).data },
    { name: "jsona", decode: (text) => jsona.deserialize(JSON.parse(text)), records: (models) => models as unknown[] },
    { name: "kitsu-core", decode: (text) => deserialise(JSON.parse(text)), records: (page) => (page as { data: unknown[] }).data },
  ];
}

/**
 * The included records a decoded page hands out under the include names,
 * carrying their attributes: each decoder's shape (a record or list; kitsu-core
 * wraps it in `{ data }`; ours keeps `attributes`, the others flatten them).
 */
export function resolvedLinks(records: readonly unknown[], include: readonly string[]): number {
  let count = 0;
  for (const record of records) {
    for (const name of include) {
      let value = (record as Record<string, unknown>)[name];
      if (isObject(value) && "data" in value && !("type" in value)) value = value.data;
      for (const item of Array.isArray(value) ? value : [value]) if (isResolved(item)) count += 1;
    }
  }
  return count;
}

const IDENTITY = new Set(["type", "id", "links", "meta", "relationships", "relationshipNames"]);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isResolved = (item: unknown): boolean =>
  isObject(item) &&
  (isObject(item.attributes) ? Object.keys(item.attributes).length > 0 : Object.keys(item).some((key) => !IDENTITY.has(key)));

/** Operations per second of `operation`, run for at least `budgetMs`, after a collection. */
export function opsPerSecond(operation: () => unknown, budgetMs: number): number {
  (globalThis as { gc?: () => void }).gc?.();
  let ops = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(budgetMs * 1e6));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 10; i++) operation();
    ops += 10;
    elapsed = process.hrtime.bigint() - start;
  }
  return ops / (Number(elapsed) / 1e9);
}

/** Throws unless every decoder resolves every link of the page. */
export function checkDecoders(all: readonly Decoder[], page: DecodePage): void {
  for (const decoder of all) {
    const records = decoder.records(decoder.decode(page.text));
    const links = resolvedLinks(records, page.include);
    if (records.length !== PAGE_SIZE || links !== page.links) {
      throw new Error(
        `${decoder.name} decoded ${records.length} records and resolved ${links} links; the page has ${PAGE_SIZE} and ${page.links}`,
      );
    }
  }
}

const BUDGET_MS = 400;

export const decodeFigure: Figure = {
  id: "4",
  title: "decode a 100-record page with 325 included records",
  async run({ workspace, runs, log }) {
    const people = latestDatedPerApp((await loadSpecs(path.join(workspace.repo, "spec"))).value).find((spec) => spec.app === "people");
    if (people === undefined) throw new Error("no dated People spec in spec/");
    const page = buildDecodePage(people);
    const all = decoders(await loadRuntimeDecoder(workspace), page.include);
    checkDecoders(all, page);
    for (const decoder of all) opsPerSecond(() => decoder.decode(page.text), BUDGET_MS); // warm-up
    const rows = new RowCollector();
    for (let run = 0; run < runs; run++) {
      // Each run starts with a different decoder.
      const order = all.map((_, i) => all[(i + run) % all.length]!);
      const rates = new Map(order.map((decoder) => [decoder.name, opsPerSecond(() => decoder.decode(page.text), BUDGET_MS)]));
      const parseOnly = opsPerSecond(() => JSON.parse(page.text), BUDGET_MS);
      rows.add("ours ÷ jsona (ops/s)", "×", rates.get("ours")! / rates.get("jsona")!, { compare: "at least", value: 1 });
      rows.add("ours ÷ kitsu-core (ops/s)", "×", rates.get("ours")! / rates.get("kitsu-core")!, { compare: "at least", value: 1 });
      for (const decoder of all) rows.add(`${decoder.name}: JSON.parse + decode`, "ops/s", rates.get(decoder.name)!);
      rows.add("JSON.parse alone (for reference)", "ops/s", parseOnly);
      log(`  run ${run + 1}: ${[...rates].map(([name, rate]) => `${name} ${Math.round(rate)}`).join(", ")} ops/s`);
    }
    return {
      id: this.id,
      title: this.title,
      method:
        `\`GET /people/v2/people\` as the API answers it (\`bench/figures/decode-page.ts\`): ${PAGE_SIZE} People and ${page.included} included records ` +
        `(emails, phone numbers, addresses, households, campuses) with every attribute the People spec documents; ${(page.text.length / 1024).toFixed(0)} kB of JSON, ` +
        `${page.links} links to resolve. One operation is \`JSON.parse\` of the text and the decoder: our runtime's \`pageOf\` (what a client's ` +
        "`list` calls, bundled from the rendered runtime), jsona's `deserialize`, kitsu-core's `deserialise`; each decoder is first checked to resolve " +
        `every link to a record with its attributes. Each is run for ${BUDGET_MS} ms per run after a garbage collection (\`--expose-gc\`), in turn.`,
      rows: rows.result(),
    };
  },
};

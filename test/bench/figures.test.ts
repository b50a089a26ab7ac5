/**
 * Each figure's pieces, run once on small input: the page the decoders decode
 * and what they resolve, the bundles measured, the two programs type-checked,
 * the pipeline's two sides, and the scrape through the counting relay against
 * the rate-limited docs server. No assertion is about speed.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy } from "../../bench/figures/counting-proxy.js";
import { buildDecodePage, PAGE_SIZE } from "../../bench/figures/decode-page.js";
import { checkDecoders, decoders, loadRuntimeDecoder, opsPerSecond, resolvedLinks } from "../../bench/figures/decode.js";
import { baselineProcess, pipelineProcesses } from "../../bench/figures/pipeline.js";
import { scrapeTwice } from "../../bench/figures/rate-limit.js";
import { bundleSize, OPENAPI_FETCH_PROGRAM, OURS_PROGRAM, PCO_CLIENT_PROGRAM } from "../../bench/figures/runtime-size.js";
import { changeOneSpec, copiedVersion, copySpecs } from "../../bench/figures/scaling.js";
import { prepareTypeCheck, runTsc, tscPath, type Side } from "../../bench/figures/type-check.js";
import { writeTree } from "../../generator/emit.js";
import { clientRenderer } from "../../generator/render/client/renderer.js";
import { openApiRenderer } from "../../generator/render/openapi/openapi-renderer.js";
import { latestDatedPerApp, loadSpecs } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { DOCS_DIR, describeCorpus, REPO_ROOT } from "../helpers/corpus.js";
import { bundledCli } from "../helpers/cli-process.js";

let dir: string;
let generated: string;
let people: Spec;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pco-bench-test-"));
  generated = path.join(dir, "generated");
  people = latestDatedPerApp((await loadSpecs(path.join(REPO_ROOT, "spec"))).value).find((spec) => spec.app === "people")!;
  const [clients, openApi] = await Promise.all([clientRenderer.render([people]), openApiRenderer.render([people])]);
  await writeTree({ root: generated, files: [...clients.value, ...openApi.value], owns: () => true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("decode figure", () => {
  it("decodes a page of 100 People with 325 included records of five types", () => {
    const page = buildDecodePage(people);
    const body = JSON.parse(page.text) as { data: { relationships: Record<string, { data: unknown }> }[]; included: { type: string }[] };
    expect(body.data).toHaveLength(PAGE_SIZE);
    expect(body.included).toHaveLength(325);
    const byType = new Map<string, number>();
    for (const record of body.included) byType.set(record.type, (byType.get(record.type) ?? 0) + 1);
    expect(Object.fromEntries(byType)).toEqual({ Email: 150, PhoneNumber: 100, Address: 50, Household: 20, Campus: 5 });
    // Every linkage of every record is a link to resolve.
    const linkages = body.data.flatMap((record) => page.include.flatMap((name) => [record.relationships[name]!.data].flat()));
    expect(page.links).toBe(linkages.length);
    expect(page.links).toBe(500);
  });

  it("checks that every decoder resolves every link, which a page decoded without includes does not", async () => {
    const page = buildDecodePage(people);
    const pageOf = await loadRuntimeDecoder({ dir, generated });
    const all = decoders(pageOf, page.include);
    expect(all.map((d) => d.name)).toEqual(["ours", "jsona", "kitsu-core"]);
    expect(() => checkDecoders(all, page)).not.toThrow();
    expect(resolvedLinks(pageOf(JSON.parse(page.text), []).data, page.include)).toBe(0);
    expect(() => checkDecoders(decoders((body) => pageOf(body, []), page.include).slice(0, 1), page)).toThrow(/resolved 0 links/);
  });

  it("counts operations", () => {
    let calls = 0;
    const rate = opsPerSecond(() => (calls += 1), 5);
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(rate).toBeGreaterThan(0);
  });
});

describe("runtime size figure", () => {
  it("bundles each three-call program, keeping only what it reaches", async () => {
    const ours = await bundleSize(OURS_PROGRAM, dir);
    const runtimeAlone = await bundleSize(`export * from "./index.js";`, path.join(generated, "clients", "runtime"));
    const peer = await bundleSize(OPENAPI_FETCH_PROGRAM, REPO_ROOT);
    const official = await bundleSize(PCO_CLIENT_PROGRAM, REPO_ROOT);
    for (const size of [ours, runtimeAlone, peer, official]) {
      expect(size.minified).toBeGreaterThan(1000);
      expect(size.gzipped).toBeGreaterThan(0);
      expect(size.gzipped).toBeLessThan(size.minified);
    }
    // The People program carries the app's route table on top of the runtime.
    expect(ours.minified).toBeGreaterThan(runtimeAlone.minified);
    // It never refreshes a token nor uploads: those chunks are bundled but not loaded at start.
    expect(ours.startGzipped).toBeLessThan(ours.gzipped);
    expect(ours.startMinified).toBeLessThan(ours.minified);
    // openapi-fetch has no dynamic import: all of it loads at start.
    expect(peer.startGzipped).toBe(peer.gzipped);
    // A program that does not resolve is not measured as a small one.
    await expect(bundleSize(`import { nothing } from "./missing.js"; export { nothing };`, dir)).rejects.toThrow();
  });
});

describe("scaling figure", () => {
  it("renames each copy's version and writes K copies of every spec", async () => {
    expect([0, 1, 15].map((k) => copiedVersion("2025-03-20", k))).toEqual(["2025-03-20", "2024-03-20", "2010-03-20"]);
    expect(copiedVersion("legacy", 3)).toBe("1003-01-01");
    expect(copiedVersion("unversioned", 3)).toBe("1003-01-02");
    const from = await mkdtemp(path.join(dir, "specs-"));
    const to = path.join(dir, "specs-copied");
    await writeFile(path.join(from, "not-a-spec.json"), "{}");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(from, "people"));
    await writeFile(path.join(from, "people", "2025-03-20.json"), `{\n  "title": "People",\n  "version": "2025-03-20"\n}\n`);
    await writeFile(path.join(from, "people", "legacy.json"), `{\n  "title": "People",\n  "version": "legacy"\n}\n`);
    expect(await copySpecs(from, to, 3)).toBe(6);
    expect((await readdir(path.join(to, "people"))).sort()).toEqual(
      ["2023-03-20.json", "2024-03-20.json", "2025-03-20.json", "1001-01-01.json", "1002-01-01.json", "legacy.json"].sort(),
    );
    expect(JSON.parse(await readFile(path.join(to, "people", "1002-01-01.json"), "utf8"))).toEqual({
      title: "People",
      version: "1002-01-01",
    });
    await changeOneSpec(to, "people/2024-03-20.json", "1");
    await changeOneSpec(to, "people/2024-03-20.json", "2");
    expect(JSON.parse(await readFile(path.join(to, "people", "2024-03-20.json"), "utf8"))).toEqual({
      title: "People (edit 2)",
      version: "2024-03-20",
    });
  });
});

describe("type-check figure", () => {
  it("compiles both programs (and an empty one) without an error, reporting time, memory and instantiations", async () => {
    const { dir: folder, openApi } = await prepareTypeCheck({ dir, generated, repo: REPO_ROOT });
    expect(path.basename(openApi)).toBe(`people-${people.version}.json`);
    for (const side of ["ours", "sources", "peer"] as const) {
      const run = await runTsc(REPO_ROOT, folder, side);
      expect(run.instantiations).toBeGreaterThan(0);
      expect(run.maxRssBytes).toBeGreaterThan(0);
      expect(run.checkMs).toBeGreaterThan(0);
    }
    await expect(runTsc(REPO_ROOT, folder, "empty")).resolves.toMatchObject({ maxRssBytes: expect.any(Number) });
    // Ours is compiled as installed: declarations only; the sources' program checks the runtime's TypeScript with it.
    const sourcesOf = (side: Side) =>
      execFileSync(process.execPath, [tscPath(REPO_ROOT), "-p", `tsconfig.${side}.json`, "--listFilesOnly"], {
        cwd: folder,
        encoding: "utf8",
      })
        .split("\n")
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"));
    expect(sourcesOf("ours").map((file) => path.basename(file))).toEqual(["ours.ts"]);
    expect(sourcesOf("sources").filter((file) => file.includes("/generated/clients/runtime/")).length).toBeGreaterThan(10);
    // A type error is not measured as a compile.
    await writeFile(path.join(folder, "ours.ts"), `const count: number = "three";\nexport { count };\n`);
    await expect(runTsc(REPO_ROOT, folder, "ours")).rejects.toThrow(/tsc over the ours program exited with 2[\s\S]*TS2322/);
  });
});

describe("pipeline figure", () => {
  const site = "slate:test/fixtures/slate/site/source";

  it("reads and parses every input file as its baseline, in a process of its own", async () => {
    const folder = path.join(REPO_ROOT, "test/fixtures/slate/site/source");
    const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const texts = await Promise.all(files.map((e) => readFile(path.join(e.parentPath, e.name), "utf8")));
    const sample = await baselineProcess(REPO_ROOT, [site]);
    expect(sample.read.files).toBe(files.length);
    expect(sample.read.bytes).toBe(texts.reduce((sum, text) => sum + text.length, 0));
    expect(sample.ms).toBeGreaterThan(sample.read.ms);

    const broken = await mkdtemp(path.join(dir, "broken-"));
    await writeFile(path.join(broken, "vertex.json"), "{ not json");
    await writeFile(path.join(broken, "other.json"), "{}");
    // Each JSON file is parsed, as the one that does not parse says.
    expect((await baselineProcess(dir, [`portal:${broken}`])).read).toMatchObject({ files: 2, unparsable: 1 });
  });

  it("scrapes into a new folder and generates from it, as two processes", async () => {
    const work = await mkdtemp(path.join(dir, "pipeline-"));
    const run = await pipelineProcesses(await bundledCli(), REPO_ROOT, [site], work, path.join(work, "cache"));
    expect(run.summary).toMatch(
      /^1 spec in .*: 1 new, 0 changed, 0 removed; spec\.schema\.json written; \d+ files in .*: \d+ new, 0 changed, 0 removed$/,
    );
    expect(await readdir(path.join(work, "spec"))).toEqual(expect.arrayContaining(["spec.schema.json"]));
    expect((await readdir(path.join(work, "generated"))).length).toBeGreaterThan(0);
    expect(run.peakRssBytes).toBeGreaterThan(0);
  });
});

describe("the counting relay", () => {
  it("counts exactly the bytes the server read and wrote", async () => {
    let socketBytes = () => 0;
    const server = createServer((request, response) => {
      socketBytes = () => request.socket.bytesRead + request.socket.bytesWritten;
      response.end("x".repeat(5000));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const proxy = await startCountingProxy(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const body = await (await fetch(`${proxy.url}/some/document`, { headers: { "x-padding": "y".repeat(300) } })).text();
      expect(body).toHaveLength(5000);
      expect(proxy.bytes()).toBeGreaterThan(5300);
      expect(proxy.bytes()).toBe(socketBytes());
    } finally {
      await proxy.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describeCorpus("rate-limit figure", () => {
  it("scrapes a capture through the relay without a 429, then re-scrapes it with 304s alone", async () => {
    const capture = path.join(DOCS_DIR, "portal", "captured-2022-12");
    const versions = await readdir(path.join(capture, "webhooks", "v2", "documentation"));
    expect(versions).toHaveLength(1);
    const vertices = path.join(capture, "webhooks", "v2", "documentation", versions[0]!, "vertices");
    const served = [
      path.join(capture, "webhooks", "v2", "documentation.json"),
      ...(await readdir(vertices)).map((v) => path.join(vertices, v)),
    ];
    const servedBytes = (await Promise.all(served.map((file) => stat(file)))).reduce((sum, s) => sum + s.size, 0);

    // Three requests per second: a capture of this size needs two windows.
    const pair = await scrapeTwice(capture, ["webhooks"], { limit: 3, periodMs: 1000 }, await mkdtemp(path.join(dir, "http-cache-")));
    expect(pair.requests).toBe(served.length);
    expect(pair.refused).toBe(0);
    // The re-scrape's first request meets the window the first scrape filled; it waits out the 429 and carries on.
    expect(pair.refusedOnRescrape).toBeLessThanOrEqual(1);
    expect(pair.firstBodyBytes).toBe(servedBytes);
    expect(pair.firstBytes).toBeGreaterThan(servedBytes);
    // No document again: the only body is that of the 429, if there was one.
    const refusal = Buffer.byteLength(JSON.stringify({ errors: [{ code: "429", detail: "Rate limit exceeded" }] }));
    expect(pair.secondBodyBytes).toBe(pair.refusedOnRescrape * refusal);
    expect(pair.secondBytes).toBeGreaterThan(0);
    expect(pair.secondBytes).toBeLessThan(pair.firstBytes);
    // The same revalidations sent bare: each at least a request line, Host and If-None-Match, and less than the scrape sent.
    expect(pair.bareBytes).toBeGreaterThan(served.length * "GET / HTTP/1.1\r\nHost: \r\nIf-None-Match: \r\n\r\n".length);
    expect(pair.bareBytes).toBeLessThan(pair.secondBytes);
    // The server refuses anything faster than the limit, so the share cannot exceed it (but for clock rounding).
    expect(pair.sharePercent).toBeGreaterThan(0);
    expect(pair.sharePercent).toBeLessThanOrEqual(101);
  });
});

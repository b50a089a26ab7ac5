/**
 * The HTTP reader against a real server on 127.0.0.1 serving a capture in the
 * live URL layout, with the rate limit scaled down in time (20 requests per
 * second instead of 100 per 20 s) so that a scrape of three apps must be paced.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { collectSpecs, type ScrapeResult } from "../../generator/scrape.js";
import { emptyStats, type HttpStats } from "../../generator/sources/portal/http-store.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import type { Spec } from "../../generator/spec/types.js";
import { runCli } from "../helpers/cli.js";
import { corpusPath, DOCS_DIR, describeCorpus } from "../helpers/corpus.js";
import { startDocsServer, type DocsServer } from "../helpers/docs-server.js";

const APPS = ["giving", "groups", "webhooks"];
const LIMIT = { limit: 20, periodMs: 1000 };
const capture = path.join(DOCS_DIR, "portal", "captured-2022-12");

/** A spec's bytes with its source location set aside: a URL and a folder necessarily differ there. */
const bytesWithoutLocation = (spec: Spec) => serializeSpec({ ...spec, source: { ...spec.source, location: "-" } });

describeCorpus("the HTTP reader", () => {
  let server: DocsServer;
  const cacheDir = mkdtempSync(path.join(tmpdir(), "pco-http-cache-"));
  const scrape = (url: string, stats: HttpStats, options: { cache?: string | false } = {}): Promise<ScrapeResult> =>
    collectSpecs({
      from: [parseSourceOperand(`portal:${url}`)],
      apps: APPS,
      versions: { kind: "latest" },
      http: { cacheDir: options.cache ?? cacheDir, rateLimit: LIMIT, stats, backoffMs: 20 },
    });

  beforeAll(async () => {
    server = await startDocsServer({ folder: capture, rateLimit: LIMIT });
  });
  afterAll(async () => {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  let first: ScrapeResult;
  const firstStats = emptyStats();

  it("gives the same specs as the folder reader, paced under the limit without a single 429", async () => {
    first = await scrape(server.url, firstStats);
    const folder = await collectSpecs({
      from: [parseSourceOperand(`portal:${corpusPath("portal", "captured-2022-12")}`)],
      apps: APPS,
      versions: { kind: "latest" },
    });
    expect(first.specs.map((s) => `${s.app}/${s.version}`)).toEqual(["giving/2019-10-18", "groups/2018-08-01", "webhooks/2018-08-01"]);
    expect(first.specs.map(bytesWithoutLocation)).toEqual(folder.specs.map(bytesWithoutLocation));
    expect(first.specs[0]!.source.location).toBe(server.url);
    expect(server.count(429)).toBe(0);
    expect(firstStats.status429).toBe(0);
    // 3 Graphs + 36 vertices at 20 per second cannot all fit in one window.
    expect(firstStats.requests).toBe(39);
  });

  it("re-downloads nothing when nothing changed", async () => {
    const stats = emptyStats();
    const second = await scrape(server.url, stats);
    expect(second.specs.map(serializeSpec)).toEqual(first.specs.map(serializeSpec));
    expect(stats.notModified).toBe(stats.requests);
    expect(stats.bytes).toBeLessThanOrEqual(firstStats.bytes * 0.05);
  });

  it("waits out a 429's Retry-After, then succeeds", async () => {
    const refusing = await startDocsServer({
      folder: capture,
      rateLimit: LIMIT,
      fault: ({ index }) => (index === 2 ? { kind: "status", status: 429, retryAfter: "1" } : undefined),
    });
    try {
      const stats = emptyStats();
      const started = Date.now();
      const result = await scrape(refusing.url, stats, { cache: false });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(stats.status429).toBe(1);
      expect(result.specs.map(bytesWithoutLocation)).toEqual(first.specs.map(bytesWithoutLocation));
    } finally {
      await refusing.close();
    }
  });

  it("reads documents served in UTF-16 with a byte order mark as the same docs", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "pco-utf16-"));
    const webhooks = path.join(capture, "webhooks");
    // The Graph big-endian, the vertices little-endian: each answer is decoded by its own mark.
    for (const file of readdirSync(webhooks, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json"))) {
      const littleEndian = Buffer.from(`\ufeff${readFileSync(path.join(webhooks, file), "utf8")}`, "utf16le");
      const encoded = file === path.join("v2", "documentation.json") ? Buffer.from(littleEndian).swap16() : littleEndian;
      mkdirSync(path.dirname(path.join(copy, "webhooks", file)), { recursive: true });
      writeFileSync(path.join(copy, "webhooks", file), encoded);
    }
    const utf16 = await startDocsServer({ folder: copy, rateLimit: LIMIT });
    try {
      const result = await collectSpecs({
        from: [parseSourceOperand(`portal:${utf16.url}`)],
        apps: ["webhooks"],
        versions: { kind: "latest" },
        http: { cacheDir: false, rateLimit: LIMIT },
      });
      expect(result.specs.map((s) => `${s.app}/${s.version}`)).toEqual(["webhooks/2018-08-01"]);
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.specs.map(bytesWithoutLocation)).toEqual(first.specs.filter((s) => s.app === "webhooks").map(bytesWithoutLocation));
    } finally {
      await utf16.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("warns of a byte that is not UTF-8 where it stands, from the answer and again from the cache after a 304", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "pco-latin1-"));
    const cache = mkdtempSync(path.join(tmpdir(), "pco-latin1-cache-"));
    cpSync(path.join(capture, "webhooks"), path.join(copy, "webhooks"), { recursive: true });
    const vertexPath = "webhooks/v2/documentation/2018-08-01/vertices/event";
    const vertex = path.join(copy, `${vertexPath}.json`);
    const text = readFileSync(vertex, "utf8");
    const at = text.indexOf(" the ") + 3;
    // An edit saved as Latin-1: its "é" is the one byte E9.
    writeFileSync(vertex, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.of(0xe9), Buffer.from(text.slice(at + 1))]));
    const before = text.slice(0, at).split("\n");
    const server = await startDocsServer({ folder: copy, rateLimit: LIMIT });
    try {
      const read = (stats: HttpStats) =>
        collectSpecs({
          from: [parseSourceOperand(`portal:${server.url}`)],
          apps: ["webhooks"],
          versions: { kind: "latest" },
          http: { cacheDir: cache, rateLimit: LIMIT, stats },
        });
      const warnings = (result: ScrapeResult) =>
        result.diagnostics.filter((d) => d.code === "DOC_NOT_UTF8").map((d) => [d.file, d.line, d.column]);
      const expected = [[`${server.url}/${vertexPath}`, before.length, before.at(-1)!.length + 1]];
      const first = await read(emptyStats());
      expect(warnings(first)).toEqual(expected);
      const stats = emptyStats();
      const again = await read(stats);
      expect(stats.notModified).toBe(stats.requests);
      expect(warnings(again)).toEqual(expected);
      expect(again.specs.map(serializeSpec)).toEqual(first.specs.map(serializeSpec));
    } finally {
      await server.close();
      rmSync(copy, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("reports unreachable docs in one line and exits 2", async () => {
    const down = await startDocsServer({ folder: capture });
    const url = down.url;
    await down.close();
    const out = mkdtempSync(path.join(tmpdir(), "pco-down-"));
    try {
      const run = await runCli(["scrape", "--from", `portal:${url}`, "--app", "people", "--out", out, "--retries", "1", "--no-cache"]);
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n")).toEqual([
        expect.stringMatching(/^error: cannot fetch http:\/\/127\.0\.0\.1:\d+\/people\/v2\/documentation: ECONNREFUSED$/),
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/**
 * Figure 6: the scraper against a real server on 127.0.0.1 that enforces
 * Planning Center's limit (100 requests per sliding window, answering 429
 * beyond it), with time scaled down: the 429s received, the share of the
 * allowed rate the scrape used, and what an unchanged re-scrape transfers
 * (every byte on the wire, counted by a relay between the two).
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import path from "node:path";
import { collectSpecs } from "../../generator/scrape.js";
import { emptyStats } from "../../generator/sources/portal/http-store.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import { startDocsServer } from "../../test/helpers/docs-server.js";
import { RowCollector, type Figure } from "../harness.js";
import { committedSources, sourceLocation } from "../workspace.js";
import { bareExchangeBytes, revalidations } from "./bare-exchanges.js";
import { startCountingProxy } from "./counting-proxy.js";

export interface RateLimit {
  limit: number;
  periodMs: number;
}

/** Planning Center's 100 requests per 20 seconds, ten times faster. */
export const SCALED_LIMIT: RateLimit = { limit: 100, periodMs: 2_000 };

/**
 * The share of the allowed rate a run of requests used, from the times the
 * server accepted them. A sliding window lets request k through no sooner
 * than one period after request k − limit; the share is that period over the
 * mean time actually taken between each such pair. 100 % is the limit itself.
 */
export function rateShare(acceptedAt: readonly number[], limit: RateLimit): number {
  if (acceptedAt.length <= limit.limit) throw new Error(`${acceptedAt.length} requests never filled a window of ${limit.limit}`);
  let total = 0;
  for (let k = limit.limit; k < acceptedAt.length; k++) total += acceptedAt[k]! - acceptedAt[k - limit.limit]!;
  return (100 * limit.periodMs) / (total / (acceptedAt.length - limit.limit));
}

export interface ScrapePair {
  requests: number;
  /** 429s the server sent during the first scrape, and during the re-scrape (which cannot know what the first one left in the window). */
  refused: number;
  refusedOnRescrape: number;
  /** Of the first scrape, from the server's acceptance times. */
  sharePercent: number;
  firstMs: number;
  firstBytes: number;
  secondBytes: number;
  /** The same revalidations as the re-scrape's, each sent bare: the floor beneath `secondBytes` (`bare-exchanges.ts`). */
  bareBytes: number;
  /** Response bodies alone, as the reader counts them. */
  firstBodyBytes: number;
  secondBodyBytes: number;
}

/** A scrape of `apps` from a fresh cache, then the same scrape again, through a counting relay. */
export async function scrapeTwice(capture: string, apps: readonly string[], limit: RateLimit, cacheDir: string): Promise<ScrapePair> {
  const acceptedAt: number[] = [];
  const server = await startDocsServer({
    folder: capture,
    rateLimit: limit,
    // Called for every request the limit let through.
    fault: () => {
      acceptedAt.push(performance.now());
      return undefined;
    },
  });
  const proxy = await startCountingProxy(server.url);
  try {
    const scrape = async () => {
      const stats = emptyStats();
      const result = await collectSpecs({
        from: [parseSourceOperand(`portal:${proxy.url}`)],
        apps,
        versions: { kind: "latest" },
        http: { cacheDir, stats },
      });
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) throw new Error(`the scrape over HTTP reported errors: ${errors.map((d) => d.message).join("; ")}`);
      return { result, stats };
    };
    const start = performance.now();
    const first = await scrape();
    const firstMs = performance.now() - start;
    const firstBytes = proxy.bytes();
    const firstAccepted = [...acceptedAt];
    const refused = server.count(429);
    const second = await scrape();
    if (second.result.specs.map(serializeSpec).join("") !== first.result.specs.map(serializeSpec).join("")) {
      throw new Error("the re-scrape gave other specs than the first scrape");
    }
    if (second.stats.notModified !== second.stats.requests - second.stats.status429)
      throw new Error("the re-scrape downloaded documents again");
    const secondBytes = proxy.bytes() - firstBytes;
    const bare = await revalidations(cacheDir);
    if (bare.length !== second.stats.notModified)
      throw new Error(`the HTTP cache holds ${bare.length} revalidations for the re-scrape's ${second.stats.notModified}`);
    return {
      requests: first.stats.requests,
      refused,
      refusedOnRescrape: server.count(429) - refused,
      sharePercent: rateShare(firstAccepted, limit),
      firstMs,
      firstBytes,
      secondBytes,
      bareBytes: await bareExchangeBytes(server.url, bare, limit),
      firstBodyBytes: first.stats.bytes,
      secondBodyBytes: second.stats.bytes,
    };
  } finally {
    await proxy.close();
    await server.close();
  }
}

/** The first portal source of the committed spec with Graph documents (the HTTP reader lists versions from the Graph). */
async function captureWithGraphs(repo: string): Promise<{ capture: string; apps: string[] } | undefined> {
  for (const source of committedSources(repo).filter((s) => s.startsWith("portal:"))) {
    const capture = sourceLocation(repo, source);
    if (!existsSync(capture)) continue;
    const apps = (await readdir(capture)).filter((app) => existsSync(path.join(capture, app, "v2", "documentation.json"))).sort();
    if (apps.length > 0) return { capture, apps };
  }
  return undefined;
}

export const rateLimitFigure: Figure = {
  id: "6",
  title: "scrape against a server enforcing the rate limit",
  async run({ workspace, runs, log }) {
    const found = await captureWithGraphs(workspace.repo);
    const method = (what: string) =>
      `A scrape over HTTP of ${what}, served by \`test/helpers/docs-server.ts\` on 127.0.0.1 in the live URL layout (ETags, the ` +
      `\`X-PCO-API-Request-Rate-*\` headers, a sliding window that answers 429 beyond the limit) with the limit scaled down in time: ` +
      `${SCALED_LIMIT.limit} requests per ${SCALED_LIMIT.periodMs / 1000} s instead of per 20 s. A relay between the reader and the server counts ` +
      "every byte both ways, headers included. Each run scrapes with an empty HTTP cache, then again (nothing changed: every answer " +
      "a 304). The share of the allowed rate: the window lets request k through one period after request k − 100 at the soonest; " +
      "the share is that period over the mean time the first scrape actually took between them. Beneath the re-scrape stands the " +
      "least any client could send for it: each of its revalidations (the URL and ETag its HTTP cache holds) as nothing but its " +
      "request line, `Host` and `If-None-Match`, and the server's 304, through the same kind of relay, within the limit.";
    if (found === undefined)
      return {
        id: this.id,
        title: this.title,
        method: method("a portal capture"),
        rows: [],
        skipped: "no portal capture with Graph documents",
      };

    const rows = new RowCollector();
    let requests = 0;
    for (let run = 0; run < runs; run++) {
      const pair = await scrapeTwice(found.capture, found.apps, SCALED_LIMIT, await mkdtemp(path.join(workspace.dir, "http-cache-")));
      requests = pair.requests;
      rows.add("429 responses received", "count", pair.refused, { compare: "at most", value: 0 });
      rows.add("429 responses received by the re-scrape, started at once", "count", pair.refusedOnRescrape);
      rows.add("share of the allowed rate used", "%", pair.sharePercent, { compare: "at least", value: 90 });
      rows.add("unchanged re-scrape ÷ first scrape, bytes on the wire", "%", (100 * pair.secondBytes) / pair.firstBytes, {
        compare: "at most",
        value: 5,
      });
      rows.add(
        "the least an unchanged re-scrape can be (bare revalidations) ÷ first scrape, bytes on the wire",
        "%",
        (100 * pair.bareBytes) / pair.firstBytes,
      );
      rows.add("first scrape: bytes on the wire", "B", pair.firstBytes);
      rows.add("re-scrape: bytes on the wire", "B", pair.secondBytes);
      rows.add("bare revalidations: bytes on the wire", "B", pair.bareBytes);
      rows.add("re-scrape ÷ first scrape, response bodies only", "%", (100 * pair.secondBodyBytes) / pair.firstBodyBytes);
      rows.add("first scrape: time", "ms", pair.firstMs);
      log(
        `  run ${run + 1}: ${pair.refused} × 429, ${pair.sharePercent.toFixed(1)} % of the rate, re-scrape ${pair.secondBytes} of ${pair.firstBytes} B`,
      );
    }
    const capture = path.relative(workspace.repo, found.capture).split(path.sep).join("/");
    return {
      id: this.id,
      title: this.title,
      method: method(`\`${capture}\` (${found.apps.join(", ")}; latest versions; ${requests} requests)`),
      rows: rows.result(),
    };
  },
};

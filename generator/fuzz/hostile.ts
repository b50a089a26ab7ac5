/**
 * The hostile-server mode of the fuzzer: the HTTP readers against a loopback
 * server that serves a real app's documentation (webhooks: the Graph and
 * vertices of a portal capture, and its official OpenAPI document) but lies
 * in one way per case: rate-limit headers and Retry-After values out of any
 * range, bodies of hundreds of megabytes (plain or gzip), lying
 * Content-Lengths, redirects off the host or in loops, and Graphs that list
 * versions and vertices whose ids are paths or URLs. Each hostility is met by
 * the `portal:` reader, then by the `openapi:` reader (which lists the
 * versions from the same Graph, then fetches each version's document).
 *
 * A case passes when the read ends in specs, in diagnostics, or in a refusal
 * (a GeneratorError), within a bound on the clock; when every request stayed
 * under the documentation's paths; and when the waits asked of the rate limiter
 * (on a virtual clock: a permitted 100 s wait costs nothing) stay within the
 * documented caps. Anything else (an exception of another kind, no end within
 * the bound, a request elsewhere, a wait past the caps) is a failure.
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { GeneratorError, hasErrors } from "../diagnostics.js";
import { buildSpecs } from "../scrape.js";
import { DEFAULT_WAIT_LIMITS, type Clock } from "../sources/portal/rate-limiter.js";
import { readSource } from "../sources/read-source.js";
import { parseSourceOperand } from "../sources/source-operand.js";
import { hugeJson, startHostileServer, streamBody } from "./hostile-server.js";
import { caseSeed, Random } from "./random.js";

const APP = "webhooks";
const CAPTURE = path.join("portal", "captured-2022-12");
const GRAPH = `/${APP}/v2/documentation`;
/**
 * The official document the `openapi:` reader is served, under the one version the capture's Graph lists (2018-08-01): it
 * describes 2022-10-20, which the reader notes, and reads as what it describes.
 */
const OPEN_API = {
  served: `/${APP}/v2/open_api/2018-08-01`,
  file: path.join("openapi", "official-2026-07", APP, "v2", "open_api", "2022-10-20.json"),
};

/** The readers each hostility is met by, in turn, and the paths each may ask for. */
export const HOSTILE_READERS = ["portal", "openapi"] as const;
type HostileReader = (typeof HOSTILE_READERS)[number];
const ALLOWED: Record<HostileReader, (urlPath: string) => boolean> = {
  portal: (urlPath) => urlPath.startsWith(GRAPH),
  openapi: (urlPath) => urlPath === GRAPH || urlPath.startsWith(`/${APP}/v2/open_api/`),
};
/** A case that has not ended after this long on the clock is taken to hang. */
export const HOSTILE_CASE_LIMIT_MS = 30_000;
const MB = 1024 * 1024;

/** What the server does to the one request it picks: change its headers, or answer it wholly. */
type Hostility =
  | { kind: "headers"; headers: Record<string, string> }
  | { kind: "status"; status: number; headers: Record<string, string> }
  | { kind: "body"; bytes: number; gzip: boolean; headers?: Record<string, string> }
  | { kind: "graph"; edit: (graph: GraphJson) => void };

interface GraphJson {
  data: { relationships: { versions: { data: { id: string; relationships: { vertices: { data: { id: string; type: string }[] } } }[] } } };
}

const HOSTILE_IDS = [
  "../../../../x",
  "..",
  "//other-host/x",
  "http://other-host/x",
  "%2e%2e/x",
  "a/../../b",
  "x".repeat(5000),
  "\u0000",
  "é",
  " ",
  "",
];
const HUGE_NUMBERS = ["300000000", "99999999999999999999999999", "1e400", "-1", "0", "NaN", "Infinity", "", " 7 ", "0x10"];

/** The hostilities, by name: a case picks one, and fills it in from its random numbers. */
export const HOSTILITIES: { name: string; make(random: Random): Hostility }[] = [
  {
    name: "rate headers",
    make: (r) => ({
      kind: "headers",
      headers: {
        "x-pco-api-request-rate-limit": r.pick([...HUGE_NUMBERS, "1", "100"]),
        "x-pco-api-request-rate-period": r.pick([...HUGE_NUMBERS, "1", "20", "86400"]),
        "x-pco-api-request-rate-count": r.pick([...HUGE_NUMBERS, "1", "100"]),
      },
    }),
  },
  {
    name: "429 with Retry-After",
    make: (r) => ({
      kind: "status",
      status: 429,
      headers: {
        "retry-after": r.pick([
          ...HUGE_NUMBERS,
          "1",
          "119",
          "3600",
          "0.5",
          "Fri, 01 Jan 2100 00:00:00 GMT",
          "Thu, 01 Jan 1970 00:00:00 GMT",
          "soon",
        ]),
      },
    }),
  },
  { name: "huge body", make: (r) => ({ kind: "body", bytes: r.pick([40, 200, 400]) * MB, gzip: false }) },
  { name: "gzip bomb", make: (r) => ({ kind: "body", bytes: r.pick([40, 400]) * MB, gzip: true }) },
  {
    name: "lying Content-Length",
    make: (r) => ({
      kind: "body",
      bytes: r.pick([0, 10, 1000]),
      gzip: false,
      headers: { "content-length": r.pick(["999999999999", "5", "-1", "abc"]) },
    }),
  },
  {
    name: "redirect",
    make: (r) => ({
      kind: "status",
      status: r.pick([301, 302, 303, 307, 308]),
      headers: r.chance(0.1)
        ? ({} as Record<string, string>)
        : {
            location: r.pick([
              "http://other-host.invalid/x",
              "//other-host.invalid/x",
              GRAPH,
              "/../../etc/passwd",
              "javascript:alert(1)",
              "http://[::1",
              `${GRAPH}#n`,
            ]),
          },
    }),
  },
  {
    name: "hostile vertex id",
    make: (r) => {
      const id = r.pick(HOSTILE_IDS);
      return {
        kind: "graph",
        edit: (graph) => graph.data.relationships.versions.data[0]?.relationships.vertices.data.push({ id, type: "Vertex" }),
      };
    },
  },
  {
    name: "hostile version id",
    make: (r) => {
      const id = r.pick(HOSTILE_IDS);
      return {
        kind: "graph",
        edit: (graph) => {
          const first = graph.data.relationships.versions.data[0];
          if (first !== undefined) graph.data.relationships.versions.data.push({ ...first, id });
        },
      };
    },
  },
];

export interface HostileCase {
  index: number;
  reader: HostileReader;
  hostility: string;
  /** Which request the server picked: its index in arrival order. */
  target: number;
  outcome: "spec" | "diagnostics" | "refused" | "crash" | "hang";
  failure?: string;
}

export interface HostileReport {
  cases: number;
  crashes: number;
  hangs: number;
  failures: HostileCase[];
  byHostility: Record<string, number>;
  byReader: Record<HostileReader, number>;
}

export async function runHostileFuzz(options: {
  corpus: string;
  cases: number;
  seed: number;
  only?: readonly number[];
  onCase?: (c: HostileCase) => void;
}): Promise<HostileReport> {
  const report: HostileReport = {
    cases: 0,
    crashes: 0,
    hangs: 0,
    failures: [],
    byHostility: Object.fromEntries(HOSTILITIES.map((h) => [h.name, 0])),
    byReader: { portal: 0, openapi: 0 },
  };
  for (const index of options.only ?? Array.from({ length: options.cases }, (_, i) => i)) {
    const result = await runCase(index, options.seed, options.corpus);
    report.cases += 1;
    report.byHostility[result.hostility] = (report.byHostility[result.hostility] ?? 0) + 1;
    report.byReader[result.reader] += 1;
    if (result.outcome === "crash") report.crashes += 1;
    if (result.outcome === "hang") report.hangs += 1;
    if (result.failure !== undefined) report.failures.push(result);
    options.onCase?.(result);
  }
  return report;
}

/** The reader of a case: every hostility is met by each reader in turn, a round of cases each. */
const readerOf = (index: number): HostileReader => HOSTILE_READERS[Math.floor(index / HOSTILITIES.length) % HOSTILE_READERS.length]!;

async function runCase(index: number, runSeed: number, corpus: string): Promise<HostileCase> {
  const random = new Random(caseSeed(runSeed, index));
  const chosen = HOSTILITIES[index % HOSTILITIES.length]!;
  const reader = readerOf(index);
  const hostility = chosen.make(random);
  // The Graph is request 0; the vertices (portal) or the one document (openapi) follow. Graph edits always strike the Graph.
  const target = hostility.kind === "graph" ? 0 : random.int(reader === "portal" ? 4 : 2);
  let arrivals = 0;
  const server = await startHostileServer((request, response) =>
    answer(request, response, arrivals++ === target ? hostility : undefined, corpus),
  );
  const clock = virtualClock();
  let timer: NodeJS.Timeout | undefined;
  const plan = { index, reader, hostility: chosen.name, target };
  try {
    const read = (async () => {
      const source = readSource(parseSourceOperand(`${reader}:${server.url}`), {
        apps: [APP],
        versions: { kind: "all" },
        http: { cacheDir: false, maxRetries: 1, backoffMs: 1, maxBackoffMs: 2, timeoutMs: 10_000, clock },
      });
      const built = buildSpecs([await source], { versions: { kind: "all" } });
      return built.specs.length > 0 && !hasErrors(built.diagnostics) ? ("spec" as const) : ("diagnostics" as const);
    })();
    const hung = new Promise<"hang">((resolve) => (timer = setTimeout(() => resolve("hang"), HOSTILE_CASE_LIMIT_MS)));
    const outcome = await Promise.race([read, hung]).catch((error: unknown) => {
      if (error instanceof GeneratorError) return "refused" as const;
      throw error;
    });
    if (outcome === "hang") return { ...plan, outcome, failure: `no end within ${HOSTILE_CASE_LIMIT_MS / 1000} s` };
    const stray = server.log.find((p) => !ALLOWED[reader](p) || p.includes(".."));
    if (stray !== undefined) return { ...plan, outcome, failure: `a request left the documentation's paths: ${stray}` };
    if (clock.longest > DEFAULT_WAIT_LIMITS.maxWaitMs || clock.total > DEFAULT_WAIT_LIMITS.maxTotalWaitMs) {
      return { ...plan, outcome, failure: `waited ${clock.longest} ms at once and ${clock.total} ms in all, past the caps` };
    }
    return { ...plan, outcome };
  } catch (error) {
    const failure = error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 6).join("\n") : String(error);
    return { ...plan, outcome: "crash", failure };
  } finally {
    clearTimeout(timer);
    await server.close();
  }
}

/** Sleeps that take no time, measured: what the limiter would have waited. */
function virtualClock(): Clock & { total: number; longest: number } {
  let now = Date.now();
  const clock = {
    total: 0,
    longest: 0,
    now: () => now,
    sleep: async (ms: number) => {
      clock.total += ms;
      clock.longest = Math.max(clock.longest, ms);
      now += ms;
    },
  };
  return clock;
}

async function answer(request: IncomingMessage, response: ServerResponse, hostility: Hostility | undefined, corpus: string): Promise<void> {
  const urlPath = new URL(request.url ?? "/", "http://x").pathname;
  if (hostility?.kind === "status") return void response.writeHead(hostility.status, hostility.headers).end('{"errors": []}');
  if (hostility?.kind === "body")
    return streamBody(response, hugeJson(hostility.bytes), {
      gzip: hostility.gzip,
      ...(hostility.headers ? { headers: hostility.headers } : {}),
    });
  const segments = urlPath.split("/").filter(Boolean);
  let text: string;
  try {
    if (urlPath === OPEN_API.served) text = await readFile(path.join(corpus, OPEN_API.file), "utf8");
    else if (!urlPath.startsWith(GRAPH) || segments.some((s) => s === "..")) throw new Error("not documentation");
    else text = await readFile(path.join(corpus, CAPTURE, segments.join("/")) + ".json", "utf8");
  } catch {
    return void response.writeHead(404).end('{"errors": [{"status": "404"}]}');
  }
  if (hostility?.kind === "graph") {
    const graph = JSON.parse(text) as GraphJson;
    hostility.edit(graph);
    text = JSON.stringify(graph);
  }
  response
    .writeHead(200, { "content-type": "application/vnd.api+json", ...(hostility?.kind === "headers" ? hostility.headers : {}) })
    .end(text);
}

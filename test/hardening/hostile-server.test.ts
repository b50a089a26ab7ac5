/**
 * The HTTP reader against a real loopback server that lies in its headers and
 * sizes (generator/fuzz/hostile-server.ts): a rate count of 300000000, waits of
 * an hour or a day, a 200 MB body and a gzip body that expands to 400 MB. Each
 * scrape either completes or fails at once with one line naming the wait or the
 * size, exit 2, and writes nothing. The size cases run the real CLI as a child
 * process and read its peak RSS, the figure the defect was measured in.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { listFiles } from "../../generator/emit.js";
import { hugeJson, startHostileServer, streamBody, type HostileServer } from "../../generator/fuzz/hostile-server.js";
import { runCli } from "../helpers/cli.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";
import { runCliMeasured } from "./peak-rss.js";

const CAPTURE = path.join(DOCS_DIR, "portal", "captured-2022-12");
const GRAPH = "/webhooks/v2/documentation";
const work = mkdtempSync(path.join(tmpdir(), "pco-hostile-server-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The webhooks capture in the live URL layout, with `hostile` deciding the headers or the whole answer of a path. */
type Hostile = Record<string, string> | "answered";
async function serveWebhooks(hostile: (path: string, response: ServerResponse) => Hostile | Promise<Hostile>): Promise<HostileServer> {
  return startHostileServer(async (request: IncomingMessage, response: ServerResponse) => {
    const urlPath = new URL(request.url ?? "/", "http://x").pathname;
    const headers = await hostile(urlPath, response);
    if (headers === "answered") return;
    const segments = urlPath.split("/").filter(Boolean);
    if (segments.includes("..") || !urlPath.startsWith("/webhooks/v2/documentation")) return void response.writeHead(404).end();
    try {
      const body = await readFile(path.join(CAPTURE, ...segments) + ".json");
      response.writeHead(200, { "content-type": "application/vnd.api+json", ...headers }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
}

let runs = 0;
async function scrape(server: HostileServer) {
  const out = path.join(work, `out-${(runs += 1)}`);
  const run = await runCli(["scrape", "--from", `portal:${server.url}`, "--app", "webhooks", "--out", out, "--no-cache", "--retries", "0"]);
  return { run, out, written: existsSync(out) ? await listFiles(out) : [] };
}

describeCorpus("a hostile documentation server", () => {
  it("announces a rate count of 300000000: the window keeps it as one count, clamped to the limit, and the scrape completes", async () => {
    const server = await serveWebhooks((urlPath): Hostile =>
      urlPath === GRAPH
        ? { "x-pco-api-request-rate-limit": "300000000", "x-pco-api-request-rate-period": "1", "x-pco-api-request-rate-count": "300000000" }
        : {},
    );
    try {
      const { run, written } = await scrape(server);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(0);
      expect(written).toContain("webhooks/2018-08-01.json");
      expect(server.log.filter((p) => p.startsWith(GRAPH))).toHaveLength(6); // the Graph and its 5 vertices
    } finally {
      await server.close();
    }
  });

  it.each([
    ["a Retry-After of an hour", { status: 429, "retry-after": "3600" }, /a wait \(Retry-After\) of 3600 s, more than the 120 s/],
    [
      "a Retry-After as a date in 2100",
      { status: 429, "retry-after": "Fri, 01 Jan 2100 00:00:00 GMT" },
      /a wait \(Retry-After\) of \d{9,} s, more than the 120 s/,
    ],
    [
      "a Retry-After past what a timer holds",
      { status: 429, "retry-after": "99999999999999999999999" },
      /a wait \(Retry-After\) of \d+ s, more than the 120 s/,
    ],
    [
      "a rate period of a day with a limit of 1",
      { status: 200, "x-pco-api-request-rate-limit": "1", "x-pco-api-request-rate-period": "86400", "x-pco-api-request-rate-count": "1" },
      /a rate period \(X-PCO-API-Request-Rate-Period\) of 86400 s, more than the 120 s/,
    ],
  ] as const)("asks for %s: the scrape fails at once, naming the wait, exit 2, nothing written", async (_name, answer, reason) => {
    const { status, ...headers } = answer;
    const server = await serveWebhooks((urlPath, response): Hostile => {
      if (urlPath !== GRAPH) return {};
      if (status === 429) {
        response.writeHead(429, headers).end('{"errors": [{"status": "429"}]}');
        return "answered";
      }
      return headers;
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      const { run, written } = await scrape(server);
      expect(run.code).toBe(2);
      const lines = run.stderr.split("\n").filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`cannot fetch ${server.url}${GRAPH}: the server asks for `);
      expect(lines[0]).toMatch(reason);
      expect(written).toEqual([]);
      expect(server.log).toHaveLength(1); // failed at once: no retry, no wait
      expect(warnings).not.toContain("TimeoutOverflowWarning");
    } finally {
      process.off("warning", onWarning);
      await server.close();
    }
  });

  it.each([
    ["a 200 MB body", { gzip: false }],
    ["a gzip body that expands to 400 MB", { gzip: true }],
  ] as const)(
    "sends %s: the real CLI stops reading at the cap, fails in one line with exit 2, and stays under 300 MB RSS",
    async (_name, { gzip }) => {
      const size = gzip ? 400 * 1024 * 1024 : 200 * 1024 * 1024;
      const server = await serveWebhooks(async (urlPath, response): Promise<Hostile> => {
        if (urlPath !== GRAPH) return {};
        await streamBody(response, hugeJson(size), { gzip });
        return "answered";
      });
      const out = path.join(work, `out-size-${gzip ? "gzip" : "plain"}`);
      try {
        const run = await runCliMeasured(
          ["scrape", "--from", `portal:${server.url}`, "--app", "webhooks", "--out", out, "--no-cache", "--retries", "0"],
          work,
        );
        expect(run.code).toBe(2);
        expect(run.lines).toEqual([
          expect.stringMatching(
            /^error: cannot fetch .*\/webhooks\/v2\/documentation: the response is larger than the 33554432 bytes a document may have/,
          ),
        ]);
        expect(run.peakRssMb).toBeLessThan(300);
        expect(existsSync(out)).toBe(false);
      } finally {
        await server.close();
      }
    },
  );
});

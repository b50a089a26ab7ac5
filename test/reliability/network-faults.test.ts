/**
 * The HTTP reader against a real server on 127.0.0.1 that misbehaves on
 * purpose (test/helpers/docs-server.ts): connection resets, a stalled
 * response, a truncated body, 500/502/503, a storm of 429s, a redirect to
 * another host, out of the app's documentation or to what is not a URL.
 * Each fault is retried within its bound (counted on the server), then
 * `scrape` fails with one line naming the document and the
 * reason, exit code 2, and the previous spec/ untouched, though another app
 * of the same scrape was read whole. Timeouts are scaled down to tenths of a
 * second, so that the file takes seconds.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectSpecs } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import type { Spec } from "../../generator/spec/types.js";
import { runCli } from "../helpers/cli.js";
import { corpusPath, describeCorpus, DOCS_DIR, REPO_ROOT } from "../helpers/corpus.js";
import { startDocsServer, type DocsServer, type Fault } from "../helpers/docs-server.js";
import { treeDigests } from "../helpers/tree-snapshot.js";

const CAPTURE = path.join(DOCS_DIR, "portal", "captured-2022-12");
/** The document every fault strikes: one vertex of webhooks, read after giving's whole Graph and vertices. */
const TARGET = "/webhooks/v2/documentation/2018-08-01/vertices/event";
const RETRIES = 2;
const TIMEOUT_SECONDS = 0.3;

const work = mkdtempSync(path.join(tmpdir(), "pco-network-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A scrape of giving and webhooks from `url` into a copy of the committed spec/. */
async function scrapeInto(url: string, name: string) {
  const out = path.join(work, name);
  cpSync(path.join(REPO_ROOT, "spec"), out, { recursive: true });
  const before = await treeDigests(out);
  const run = await runCli([
    "scrape",
    "--from",
    `portal:${url}`,
    "--app",
    "giving",
    "--app",
    "webhooks",
    "--out",
    out,
    "--retries",
    String(RETRIES),
    "--timeout",
    String(TIMEOUT_SECONDS),
    "--no-cache",
  ]);
  return { run, before, after: await treeDigests(out) };
}

describeCorpus("network faults", () => {
  const servers: DocsServer[] = [];
  const serve = async (fault: (request: { path: string; index: number }) => Fault | undefined) => {
    const server = await startDocsServer({ folder: CAPTURE, fault });
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    for (const server of servers) await server.close();
  });
  const onTarget = (fault: Fault) => (request: { path: string }) => (request.path === TARGET ? fault : undefined);
  const attemptsAt = (server: DocsServer, at: string) => server.log.filter((entry) => entry.path === at).length;

  it.each([
    // The socket closed under the request: the network layer's code.
    ["a connection reset", { kind: "reset" }, /^(UND_ERR_SOCKET|ECONNRESET)$/],
    ["a stalled response", { kind: "stall" }, /^timed out$/],
    // The server says 5000 bytes, sends 8 and keeps the connection open: the rest never comes.
    ["a truncated body", { kind: "truncate" }, /^timed out$/],
    ["HTTP 500", { kind: "status", status: 500 }, /^HTTP 500 after 2 retries$/],
    ["HTTP 502", { kind: "status", status: 502 }, /^HTTP 502 after 2 retries$/],
    ["HTTP 503", { kind: "status", status: 503 }, /^HTTP 503 after 2 retries$/],
  ] as const)("%s: retried twice, then one line, exit 2, spec/ untouched", async (_name, fault, reason) => {
    const server = await serve(onTarget(fault as Fault));
    const { run, before, after } = await scrapeInto(server.url, `${fault.kind}-${"status" in fault ? fault.status : ""}`);

    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n");
    expect(lines).toHaveLength(1);
    const [, url, why] = /^error: cannot fetch (\S+): (.+)$/.exec(lines[0]!) ?? [];
    expect(url).toBe(`${server.url}${TARGET}`);
    expect(why).toMatch(reason);
    expect(attemptsAt(server, TARGET)).toBe(RETRIES + 1);
    // Giving was read whole before webhooks failed; nothing of it was written either.
    expect(server.log.filter((entry) => entry.path.startsWith("/giving/") && entry.status === 200).length).toBeGreaterThan(10);
    expect(after).toEqual(before);
  });

  it("without a fault the same scrape writes both apps' specs (so an untouched spec/ above means something)", async () => {
    const server = await serve(() => undefined);
    const { run, before, after } = await scrapeInto(server.url, "no-fault");
    expect(run.code, run.stderr).toBe(0);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(changed.sort()).toEqual(["giving/2019-10-18.json", "webhooks/2018-08-01.json"]);
  });

  it("a storm of 429s: waited out 10 times, then one line, exit 2, spec/ untouched", async () => {
    const server = await serve(onTarget({ kind: "status", status: 429, retryAfter: "0" }));
    const { run, before, after } = await scrapeInto(server.url, "429");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: cannot fetch ${server.url}${TARGET}: still rate limited (429) after 10 waits`);
    expect(attemptsAt(server, TARGET)).toBe(11);
    expect(after).toEqual(before);
  });

  it("a redirect to another host: refused, never followed, exit 2, spec/ untouched", async () => {
    const elsewhere = await serve(() => undefined);
    const server = await serve(onTarget({ kind: "redirect", location: `${elsewhere.url}${TARGET}` }));
    const { run, before, after } = await scrapeInto(server.url, "redirect");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: cannot fetch ${server.url}${TARGET}: refused a redirect to another host (${elsewhere.url})`);
    expect(elsewhere.log).toEqual([]);
    expect(attemptsAt(server, TARGET)).toBe(1);
    expect(after).toEqual(before);
  });

  it.each([
    [
      "out of the app's documentation on the same host",
      "redirect-out",
      "/../../etc/passwd",
      "refused a redirect to /etc/passwd, outside /webhooks/",
    ],
    ["to a Location that is not a URL", "redirect-invalid", "http://[::1", 'refused a redirect to "http://[::1", which is not a URL'],
  ])("a redirect %s: refused in one line, never followed, exit 2, spec/ untouched", async (_name, folder, location, reason) => {
    const server = await serve(onTarget({ kind: "redirect", location }));
    const { run, before, after } = await scrapeInto(server.url, folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: cannot fetch ${server.url}${TARGET}: ${reason}`);
    expect(server.log.filter((entry) => !/^\/(giving|webhooks)\/v2\/documentation/.test(entry.path))).toEqual([]);
    expect(attemptsAt(server, TARGET)).toBe(1);
    expect(after).toEqual(before);
  });

  describe("faults that pass", () => {
    let fromFolder: Spec[];
    const withoutLocation = (spec: Spec) => serializeSpec({ ...spec, source: { ...spec.source, location: "-" } });
    beforeAll(async () => {
      fromFolder = (
        await collectSpecs({
          from: [parseSourceOperand(`portal:${corpusPath("portal", "captured-2022-12")}`)],
          apps: ["giving", "webhooks"],
          versions: { kind: "latest" },
        })
      ).specs;
    });

    it.each([
      ["resets", { kind: "reset" }],
      ["503s", { kind: "status", status: 503 }],
      ["stalls", { kind: "stall" }],
    ] as const)("two %s, then an answer: read whole, the same specs as from the folder", async (_name, fault) => {
      let struck = 0;
      const server = await serve((request) => (request.path === TARGET && struck++ < RETRIES ? (fault as Fault) : undefined));
      const result = await collectSpecs({
        from: [parseSourceOperand(`portal:${server.url}`)],
        apps: ["giving", "webhooks"],
        versions: { kind: "latest" },
        http: { cacheDir: false, maxRetries: RETRIES, timeoutMs: TIMEOUT_SECONDS * 1000, backoffMs: 20 },
      });
      expect(attemptsAt(server, TARGET)).toBe(RETRIES + 1);
      expect(result.specs.map(withoutLocation)).toEqual(fromFolder.map(withoutLocation));
    });
  });
});

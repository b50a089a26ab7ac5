/**
 * The `openapi:` source over HTTP, against a real server on 127.0.0.1 serving
 * the official documents in the live URL layout (`/{app}/v2/open_api/{version}`),
 * paced by the same rate limiter as the documentation API's reader.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { collectSpecs } from "../../generator/scrape.js";
import { emptyStats } from "../../generator/sources/portal/http-store.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { serializeSpec } from "../../generator/spec/serialize.js";
import type { Spec } from "../../generator/spec/types.js";
import { corpusPath, DOCS_DIR, describeCorpus, PCO_APPS } from "../helpers/corpus.js";
import { startDocsServer, type DocsServer } from "../helpers/docs-server.js";
import { OFFICIAL_FOLDER } from "./official-documents.js";

/** A spec's bytes with its source location set aside: a URL and a file necessarily differ there. */
const withoutLocation = (spec: Spec) => serializeSpec({ ...spec, source: { ...spec.source, location: "-" } });

describeCorpus("the openapi: source over HTTP", () => {
  let server: DocsServer;
  const cacheDir = mkdtempSync(path.join(tmpdir(), "pco-openapi-cache-"));
  beforeAll(async () => {
    server = await startDocsServer({ folder: path.join(DOCS_DIR, ...OFFICIAL_FOLDER), rateLimit: { limit: 20, periodMs: 1000 } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it.each([
    ["groups", "2023-07-10"],
    ["webhooks", "2022-10-20"],
  ])("reads %s %s as the folder reader does", async (app, version) => {
    const stats = emptyStats();
    const overHttp = await collectSpecs({
      from: [parseSourceOperand(`openapi:${server.url}`)],
      apps: [app],
      versions: { kind: "list", ids: [version] },
      http: { cacheDir, stats, rateLimit: { limit: 20, periodMs: 1000 } },
    });
    const fromFolder = await collectSpecs({
      from: [parseSourceOperand(`openapi:${corpusPath(...OFFICIAL_FOLDER)}`)],
      apps: [app],
      versions: { kind: "list", ids: [version] },
    });
    expect(overHttp.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(overHttp.specs.map(withoutLocation)).toEqual(fromFolder.specs.map(withoutLocation));
    expect(overHttp.specs[0]!.source.location).toBe(`${server.url}/${app}/v2/open_api/${version}`);
    expect(server.log.filter((e) => e.path === `/${app}/v2/open_api/${version}`).length).toBeGreaterThan(0);
    expect(stats.requests).toBe(1);
  });

  it("with no app named, asks for each of PCO's eleven apps, reads those served and notes the rest", async () => {
    const first = server.log.length;
    const result = await collectSpecs({
      from: [parseSourceOperand(`openapi:${server.url}`)],
      versions: { kind: "list", ids: ["2018-08-01"] },
      http: { cacheDir: false, rateLimit: { limit: 20, periodMs: 1000 } },
    });
    const asked = server.log.slice(first).map((e) => e.path);
    expect([...new Set(asked)].sort()).toEqual(PCO_APPS.map((app) => `/${app}/v2/open_api/2018-08-01`));
    // Only current has a document of that version in the corpus.
    expect(result.specs.map((s) => `${s.app}/${s.version}`)).toEqual(["current/2018-08-01"]);
    const missing = result.diagnostics.filter((d) => d.code === "OPENAPI_MISSING_DOCUMENT");
    expect(missing.map((d) => d.severity)).toEqual(Array(10).fill("info"));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a version the server does not have is an error naming its URL", async () => {
    const result = await collectSpecs({
      from: [parseSourceOperand(`openapi:${server.url}`)],
      apps: ["groups"],
      versions: { kind: "list", ids: ["2001-01-01"] },
      http: { cacheDir: false },
    });
    expect(result.specs).toEqual([]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "error", code: "OPENAPI_MISSING_DOCUMENT", file: `${server.url}/groups/v2/open_api/2001-01-01` }),
    );
  });
});

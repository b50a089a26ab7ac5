/**
 * `slate:<url>`: the built page, or the markdown sources with their includes,
 * fetched from a real HTTP server on 127.0.0.1 with the documentation API's
 * request policy (same-host redirects, retries, 404 as "not there").
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GeneratorError } from "../../generator/diagnostics.js";
import { collectSpecs } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { FIXTURES, scrape, specOf, withoutSource } from "./read.js";

const SITE = path.resolve(`${FIXTURES}/site`);

describe("reading a Slate site over HTTP", () => {
  let server: Server;
  let base: string;
  const requests: { path: string; accept: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      requests.push({ path: url.pathname, accept: request.headers.accept });
      if (url.pathname === "/latest") {
        response.writeHead(302, { location: "/build/index.html" }).end();
        return;
      }
      readFile(path.join(SITE, path.normalize(url.pathname)), "utf8").then(
        (body) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body),
        () => response.writeHead(404).end("not found"),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const overHttp = (url: string) =>
    collectSpecs({ from: [parseSourceOperand(`slate:${url}`)], versions: { kind: "latest" }, http: { cacheDir: false, maxRetries: 0 } });

  it("reads the built page by its URL into the spec the file gives, asking for HTML", async () => {
    const [fromUrl, fromFile] = [await overHttp(`${base}/build/index.html`), await scrape(`slate:${FIXTURES}/site/build/index.html`)];
    expect(withoutSource(specOf(fromUrl, "widgets"))).toEqual(withoutSource(specOf(fromFile, "widgets")));
    expect(specOf(fromUrl, "widgets").source).toEqual({ format: "slate-html", location: `${base}/build/index.html` });
    expect(requests.find((r) => r.path === "/build/index.html")?.accept).toMatch(/^text\/html/);
  });

  it("reads the markdown index by its URL and fetches its includes next to it", async () => {
    const result = await overHttp(`${base}/source/index.md`);
    const fromFile = await scrape(`slate:${FIXTURES}/site/source`);
    expect(withoutSource(specOf(result, "widgets"))).toEqual(withoutSource(specOf(fromFile, "widgets")));
    expect(requests.map((r) => r.path)).toEqual(expect.arrayContaining(["/source/includes/_widgets.md", "/source/includes/_errors.md"]));
  });

  it("follows a redirect on the same host", async () => {
    const result = await overHttp(`${base}/latest`);
    expect(specOf(result, "widgets").source.format).toBe("slate-html");
  });

  it("fails with exit code 2 and the URL where the page is not there", async () => {
    const failure = overHttp(`${base}/nowhere.html`);
    await expect(failure).rejects.toBeInstanceOf(GeneratorError);
    await expect(failure).rejects.toMatchObject({ exitCode: 2, message: `cannot fetch ${base}/nowhere.html: HTTP 404 Not Found` });
  });
});

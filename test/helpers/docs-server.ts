/**
 * A real HTTP server on 127.0.0.1 that serves a portal capture in the live URL
 * layout (`/people/v2/documentation`, `/people/v2/documentation/<v>/vertices/<id>`),
 * the way api.planningcenteronline.com does: ETag revalidation, the
 * `X-PCO-API-Request-Rate-*` headers, and a sliding-window rate limit that
 * answers 429 with Retry-After. Faults can be injected per request.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export type Fault =
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "reset" }
  | { kind: "stall" }
  | { kind: "truncate" }
  | { kind: "redirect"; location: string };

export interface DocsServerOptions {
  /** The capture folder (`.../captured-2022-12`). */
  folder: string;
  rateLimit?: { limit: number; periodMs: number };
  /** Called for every request; a returned fault replaces the normal answer. */
  fault?: (request: { path: string; index: number }) => Fault | undefined;
}

export interface DocsServer {
  url: string;
  /** Every request, in arrival order. */
  log: { path: string; status: number; bytes: number }[];
  count(status: number): number;
  close(): Promise<void>;
}

export async function startDocsServer(options: DocsServerOptions): Promise<DocsServer> {
  const log: DocsServer["log"] = [];
  const arrivals: number[] = [];
  const limit = options.rateLimit ?? { limit: 100, periodMs: 20_000 };
  const open = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    open.add(response);
    response.on("close", () => open.delete(response));
    void answer(request, response);
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    const index = log.length;
    const entry = { path: urlPath, status: 0, bytes: 0 };
    log.push(entry);
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      entry.status = status;
      entry.bytes = Buffer.byteLength(body);
      response.writeHead(status, { ...rateHeaders(), ...headers, "content-length": String(entry.bytes) });
      response.end(body);
    };

    const now = Date.now();
    while (arrivals.length > 0 && arrivals[0]! <= now - limit.periodMs) arrivals.shift();
    const rateHeaders = () => ({
      "x-pco-api-request-rate-limit": String(limit.limit),
      "x-pco-api-request-rate-period": String(Math.round(limit.periodMs / 1000) || 1),
      "x-pco-api-request-rate-count": String(arrivals.length),
    });
    if (arrivals.length >= limit.limit) {
      const retryAfter = Math.max(1, Math.ceil((arrivals[0]! + limit.periodMs - now) / 1000));
      send(429, JSON.stringify({ errors: [{ code: "429", detail: "Rate limit exceeded" }] }), { "retry-after": String(retryAfter) });
      return;
    }
    arrivals.push(now);

    const fault = options.fault?.({ path: urlPath, index });
    if (fault !== undefined) {
      switch (fault.kind) {
        case "status":
          send(
            fault.status,
            JSON.stringify({ errors: [{ status: String(fault.status) }] }),
            fault.retryAfter ? { "retry-after": fault.retryAfter } : {},
          );
          return;
        case "reset":
          entry.status = -1;
          request.socket.destroy();
          return;
        case "stall":
          entry.status = -2;
          response.writeHead(200, { "content-type": "application/json" });
          response.write("{");
          return; // never finishes
        case "truncate":
          entry.status = -3;
          response.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
          response.end('{"data":');
          return;
        case "redirect":
          send(302, "", { location: fault.location });
          return;
      }
    }

    const file = fileFor(options.folder, urlPath);
    if (file === undefined) return send(404, JSON.stringify({ errors: [{ status: "404" }] }));
    // The file's bytes as they are, in whatever encoding the folder holds them.
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(404, JSON.stringify({ errors: [{ status: "404" }] }));
    }
    const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
    if (request.headers["if-none-match"] === etag) return send(304, "", { etag });
    send(200, body, { "content-type": "application/vnd.api+json", etag });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    count: (status) => log.filter((e) => e.status === status).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of open) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * `/people/v2/documentation` → `<folder>/people/v2/documentation.json`, and an
 * official OpenAPI document `/groups/v2/open_api/2023-07-10` →
 * `<folder>/groups/v2/open_api/2023-07-10.json`; nothing outside the folder.
 */
function fileFor(folder: string, urlPath: string): string | undefined {
  const segments = urlPath.split("/").filter(Boolean);
  if (segments.some((s) => s === ".." || s.includes("\\"))) return undefined;
  const isGraph = segments.length === 3 && segments[1] === "v2" && segments[2] === "documentation";
  const isVertex = segments.length === 6 && segments[1] === "v2" && segments[2] === "documentation" && segments[4] === "vertices";
  const isOpenApi = segments.length === 4 && segments[1] === "v2" && segments[2] === "open_api";
  return isGraph || isVertex || isOpenApi ? path.join(folder, ...segments) + ".json" : undefined;
}

/**
 * A small HTTP server on 127.0.0.1 for the client runtime's tests. Each test
 * says how to answer (status, headers, JSON, a delay), and every request is
 * recorded as it arrived: raw path, query, headers and body.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface Received {
  method: string;
  /** The path exactly as sent, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  /** The body as bytes, sent as given (a compressed body, say). */
  raw?: Uint8Array;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Cut the connection instead of answering. */
  cut?: boolean;
}

export type Handler = (request: Received, index: number) => Answer | Promise<Answer>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: Received[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(handler: Handler = () => ({ status: 404 })): Promise<TestServer> {
  let current = handler;
  const requests: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const raw = request.url ?? "/";
      const mark = raw.indexOf("?");
      const received: Received = {
        method: request.method ?? "GET",
        path: mark < 0 ? raw : raw.slice(0, mark),
        query: new URLSearchParams(mark < 0 ? "" : raw.slice(mark + 1)),
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(received);
      const answer = await current(received, requests.length - 1);
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      if (response.destroyed) return;
      if (answer.cut) {
        request.socket.destroy();
        return;
      }
      const body = answer.raw ?? (answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? ""));
      response.writeHead(answer.status ?? 200, {
        ...(answer.json !== undefined ? { "content-type": "application/json" } : {}),
        ...answer.headers,
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A server for the tests of one file: started before them, its log cleared before each, closed after. */
export function serveDuringTests(): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    Object.assign(server, await startServer());
  });
  beforeEach(() => {
    server.requests.length = 0;
  });
  afterAll(() => server.close());
  return server;
}

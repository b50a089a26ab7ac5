/**
 * A loopback HTTP server whose every answer is chosen by the caller: the
 * hostile documentation server of the fuzz mode and of the hardening tests.
 * Bodies of any size are streamed from a generator with backpressure, never
 * built in memory, and a gzip body is compressed as it is sent, so a
 * "400 MB" answer costs the server no more than what the client reads.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

export type Answer = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface HostileServer {
  url: string;
  /** Request paths (with their query), in arrival order. */
  log: string[];
  close(): Promise<void>;
}

export async function startHostileServer(answer: Answer): Promise<HostileServer> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    log.push(request.url ?? "/");
    Promise.resolve(answer(request, response)).catch(() => response.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `bytes` bytes of a JSON document that never ends: an opening, then one long string. */
export function* hugeJson(bytes: number, chunkBytes = 64 * 1024): Generator<Buffer> {
  const opening = Buffer.from('{"data": {"type": "Vertex", "attributes": {"description": "');
  yield opening;
  const chunk = Buffer.alloc(chunkBytes, "x");
  for (let sent = opening.length; sent < bytes; sent += chunk.length)
    yield sent + chunk.length <= bytes ? chunk : chunk.subarray(0, bytes - sent);
}

/** Streams a body; the client going away ends the stream quietly. */
export async function streamBody(
  response: ServerResponse,
  body: Iterable<Buffer>,
  options: { gzip?: boolean; headers?: Record<string, string> } = {},
): Promise<void> {
  response.writeHead(200, {
    "content-type": "application/vnd.api+json",
    ...(options.gzip ? { "content-encoding": "gzip" } : {}),
    ...options.headers,
  });
  const source = Readable.from(body, { objectMode: false });
  try {
    if (options.gzip) await pipeline(source, createGzip({ level: 1 }), response);
    else await pipeline(source, response);
  } catch {
    response.destroy(); // the client stopped reading: expected of a capped reader
  }
}

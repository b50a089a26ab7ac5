/**
 * The least an unchanged re-scrape could put on the wire: each of its
 * requests as nothing but its request line, `Host` and `If-None-Match`, and
 * the server's 304 to it, relayed and counted as the scrape's own exchanges
 * are. No client can send less and still ask whether a document changed, so
 * this is the floor beneath figure 6's re-scrape, measured against the same
 * server in the same run.
 */
import { readdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { readOwnJson } from "../../generator/util/read-capped.js";
import { startCountingProxy } from "./counting-proxy.js";
import type { RateLimit } from "./rate-limit.js";

export interface Revalidation {
  /** The URL's path and query, as the request line names it. */
  target: string;
  etag: string;
}

/** What the reader's HTTP cache holds to revalidate with (`sources/portal/http-cache.ts`): one entry per URL, with its ETag. */
export async function revalidations(cacheDir: string): Promise<Revalidation[]> {
  const entries: Revalidation[] = [];
  for (const name of (await readdir(cacheDir)).sort()) {
    const entry = readOwnJson(path.join(cacheDir, name));
    if (typeof entry?.url !== "string" || typeof entry.etag !== "string") continue;
    const url = new URL(entry.url);
    entries.push({ target: `${url.pathname}${url.search}`, etag: entry.etag });
  }
  return entries;
}

/**
 * Sends each revalidation bare over one connection through a counting relay, within the server's limit (after a period that
 * empties its window, then at most `limit` requests per period), and returns the bytes relayed both ways. Throws where an
 * answer is not a 304: then it would not be the floor of an unchanged re-scrape.
 */
export async function bareExchangeBytes(serverUrl: string, entries: readonly Revalidation[], limit: RateLimit): Promise<number> {
  const proxy = await startCountingProxy(serverUrl);
  const socket = net.connect(Number(new URL(proxy.url).port), "127.0.0.1");
  try {
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    const host = new URL(proxy.url).host;
    for (const [i, entry] of entries.entries()) {
      if (i % limit.limit === 0) await new Promise((resolve) => setTimeout(resolve, limit.periodMs));
      const head = await exchange(socket, `GET ${entry.target} HTTP/1.1\r\nHost: ${host}\r\nIf-None-Match: ${entry.etag}\r\n\r\n`);
      const status = head.slice(0, head.indexOf("\r\n"));
      if (status !== "HTTP/1.1 304 Not Modified") throw new Error(`${entry.target}: "${status}" to a bare revalidation, not a 304`);
    }
    return proxy.bytes();
  } finally {
    socket.destroy();
    await proxy.close();
  }
}

/** Writes one request and reads its answer's head; a 304 has no body, so the head is the whole answer. */
function exchange(socket: net.Socket, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let head = "";
    const onData = (chunk: Buffer) => {
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      socket.off("data", onData).off("error", reject);
      resolve(head);
    };
    socket.on("data", onData).once("error", reject);
    socket.write(request);
  });
}

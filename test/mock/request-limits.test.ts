/**
 * What the mock server takes of one request. A body over 1 MiB is a 413 and
 * is not kept. A client that stalls mid-request, in its headers or its body,
 * gets a 408 and its connection closed once the request timeout passes, and
 * the server goes on serving others: it does not hold the connection for
 * Node's defaults of minutes. Stalls are driven over raw TCP, as only a
 * client that stops writing can show them.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../generator/mock/server.js";
import { committedSpecs } from "../fixtures-render/committed-specs.js";

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ specs: await committedSpecs(), port: 0, requestTimeoutMs: 300 });
});
afterAll(() => server.close());

/**
 * Not a measure of speed: the line between the server's own timeout (0.3 s)
 * and Node's defaults (60 s for headers, 300 s for a body), a hundred times
 * the one and half the other, so that only a server left on the defaults
 * reaches it, however busy the machine.
 */
const DEADLINE_MS = 30_000;

/**
 * Writes `text` and nothing more; resolves with what the server sent before it closed the connection, or `undefined` where it
 * still held it open at the deadline. The socket is destroyed either way.
 */
function stallAfter(text: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, "127.0.0.1", () => socket.write(text));
    const deadline = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, DEADLINE_MS);
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      clearTimeout(deadline);
      resolve(received);
    });
  });
}

describe("a request body over 1 MiB", () => {
  it("is a 413 naming the cap, and the server goes on serving", async () => {
    const body = JSON.stringify({ data: { type: "Person", attributes: { first_name: "x".repeat(1 << 20) } } });
    const refused = await fetch(`${server.url}/people/v2/people`, {
      method: "POST",
      headers: { "content-type": "application/vnd.api+json" },
      body,
    });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      errors: [{ status: "413", title: "Payload Too Large", code: "too_large", detail: "A request body is at most 1048576 bytes" }],
    });
    expect((await fetch(`${server.url}/people/v2/people?where[first_name]=x`)).status).toBe(200);
  });
});

describe("a request that stops arriving", () => {
  it.each([
    ["in its headers", "GET /people/v2/people HTTP/1.1\r\nHost: 127.0.0.1\r\n"],
    [
      "in its body",
      'POST /people/v2/people HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/vnd.api+json\r\nContent-Length: 100\r\n\r\n{"da',
    ],
  ])("stalled %s, gets 408 and its connection closed", async (_where, text) => {
    const received = await stallAfter(text);
    expect(received?.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
    const after = await fetch(`${server.url}/people/v2/people?per_page=1`);
    expect(after.status).toBe(200);
  });
});

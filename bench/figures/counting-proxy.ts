/**
 * A TCP relay on 127.0.0.1 that counts every byte crossing it, both ways:
 * requests and responses, headers and bodies, as the network would carry them.
 */
import net from "node:net";

export interface CountingProxy {
  url: string;
  /** Bytes relayed so far, in both directions. */
  bytes(): number;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  let bytes = 0;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("data", (chunk: Buffer) => (bytes += chunk.length));
    socket.on("close", () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    const origin = net.connect(Number(upstream.port), upstream.hostname);
    track(client);
    track(origin);
    client.pipe(origin);
    origin.pipe(client);
    client.on("error", () => origin.destroy());
    origin.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => bytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

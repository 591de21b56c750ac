import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './free-port.js';

/**
 * A TCP proxy in front of a shared dependency that a test can cut and restore, so an outage can be
 * played without stopping the shared stack. While cut, the port refuses connections.
 */
export interface TcpProxy {
  port: number;
  /** Starts forwarding (again). */
  open(): Promise<void>;
  /** Stops listening and resets every forwarded connection. */
  cut(): Promise<void>;
}

export async function createTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  return {
    port,
    async open() {
      if (server) return;
      server = createServer((client) => {
        const upstream = createConnection(target);
        track(client);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async cut() {
      const closing = server;
      server = null;
      for (const socket of sockets) socket.resetAndDestroy();
      if (closing) await new Promise((resolve) => closing.close(resolve));
    },
  };
}

import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { gatewayMetrics } from './gateway-metrics.js';
import type { GatewayServer } from './socket-data.js';
import { createSocketServer, type SocketServerOptions } from './socket-server.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The socket.io server on this app's HTTP server (consumers broadcast through it). */
    realtime: GatewayServer;
  }
}

/** Options of the gateway plugin: everything the socket server takes but what the app provides. */
export type GatewayPluginOptions = Omit<SocketServerOptions, 'metrics' | 'log'>;

/**
 * socket.io on the app's own HTTP server (engine.io answers its path before Fastify routes anything), so
 * health, readiness, metrics and OpenAPI are the runtime's as in every service. On close the sockets are
 * cut (not told to go away: socket.io clients reconnect after a cut) and their sessions saved in Redis,
 * so they resume with what they missed on another replica.
 */
export function gatewayPlugin(options: GatewayPluginOptions) {
  return fp(
    async (app: FastifyInstance) => {
      const io = createSocketServer(app.server, {
        ...options,
        metrics: gatewayMetrics(app.metrics),
        log: app.log,
      });
      app.decorate('realtime', io);
      app.addHook('preClose', async () => {
        io.engine.close();
        await io.of('/').adapter.close();
      });
    },
    { name: 'realtime-gateway' },
  );
}

import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import { handleViewports, type ViewportLimits } from '../viewport/viewport-subscriptions.js';
import { dropSlowConsumers, type BackpressureLimits } from './backpressure.js';
import type { GatewayMetrics } from './gateway-metrics.js';
import { handshakeError, type TokenVerifier } from './handshake-auth.js';
import { syncIdentityRooms } from './identity-rooms.js';
import { bindSessionsToTokens, handshakeOutcome } from './session-binding.js';
import type { GatewayServer } from './socket-data.js';
import { enforceTokenExpiry } from './token-expiry.js';

export interface SocketServerOptions {
  path: string;
  redis: Redis;
  /** Prefix of the adapter's stream, channels and session keys (replicas of a deployment share it). */
  redisPrefix: string;
  streamMaxLen: number;
  recoveryMaxDisconnectMs: number;
  verify: TokenVerifier;
  viewports: ViewportLimits;
  backpressure: BackpressureLimits;
  metrics: GatewayMetrics;
  log: FastifyBaseLogger;
}

type Log = SocketServerOptions['log'];

/**
 * The socket.io server on the service's HTTP server: the Redis streams adapter (every replica reads one
 * stream, so a broadcast reaches sockets on all of them, and a session resumes on any of them with what
 * it missed), handshake authentication, identity rooms, token expiry, viewports and backpressure.
 */
export function createSocketServer(http: HttpServer, options: SocketServerOptions): GatewayServer {
  const io: GatewayServer = new Server(http, {
    path: options.path,
    serveClient: false,
    // Same origin only: the web app is served behind the same ingress.
    cors: undefined,
    // Nothing clients send is large: viewports, tokens.
    maxHttpBufferSize: 16 * 1024,
    adapter: createAdapter(options.redis, {
      streamName: `${options.redisPrefix}:socket.io`,
      channelPrefix: `${options.redisPrefix}:socket.io`,
      sessionKeyPrefix: `${options.redisPrefix}:session:`,
      maxLen: options.streamMaxLen,
    }),
    connectionStateRecovery: {
      maxDisconnectionDuration: options.recoveryMaxDisconnectMs,
      skipMiddlewares: false,
    },
  });
  bindSessionsToTokens(io.of('/'), options.verify);
  io.use((socket, next) => {
    const outcome = handshakeOutcome(socket);
    if (!outcome.ok) {
      const error = handshakeError(outcome.error);
      options.metrics.refusedHandshakes.inc({ status: String(error.data.status) });
      return next(error);
    }
    const principal = outcome.token?.principal ?? null;
    socket.data = {
      viewports: socket.recovered ? (socket.data.viewports ?? []) : [],
      userId: principal?.userId ?? null,
      orgId: principal?.orgId ?? null,
      expiresAt: outcome.token?.expiresAt ?? null,
    };
    syncIdentityRooms(socket, principal).then(() => next(), next);
  });
  io.on('connection', (socket) => onConnection(socket, options, options.log));
  return io;
}

function onConnection(
  socket: Parameters<Parameters<GatewayServer['on']>[1]>[0],
  options: SocketServerOptions,
  log: Log,
): void {
  const kind = socket.data.userId === null ? 'anonymous' : 'user';
  options.metrics.sockets.inc({ kind });
  socket.on('disconnect', () => options.metrics.sockets.dec({ kind }));
  handleViewports(socket, options.viewports);
  if (socket.data.expiresAt !== null) enforceTokenExpiry(socket, options.verify);
  dropSlowConsumers(socket, options.backpressure, (queued) => {
    options.metrics.slowConsumerDrops.inc();
    log.warn(
      { socket_id: socket.id, queued_bytes: queued.bytes, queued_packets: queued.packets },
      'slow socket dropped',
    );
  });
}

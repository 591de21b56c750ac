import { Type, type Static } from '@sinclair/typebox';
import {
  accessTokenConfigFields,
  baseConfigFields,
  eventBackboneConfigFields,
  loadConfig,
  trustedProxies,
  trustProxyHops,
} from '@portfolioos/service-kit/config';

export const configSchema = Type.Object({
  ...baseConfigFields,
  ...eventBackboneConfigFields,
  ...accessTokenConfigFields,
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3008 }),
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
  /** The Redis behind the socket.io adapter (a stream every replica reads) and the recovery sessions. */
  REDIS_URL: Type.String({ pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' }),
  /** Prefix of the adapter's Redis stream, channels and session keys; replicas of one deployment share it. */
  SOCKET_IO_REDIS_PREFIX: Type.String({ pattern: '^[a-z0-9][a-z0-9:._-]{0,60}$', default: 'realtime' }),
  /** Entries the adapter's stream keeps (~): the window missed packets are recovered from. */
  SOCKET_IO_STREAM_MAX_LEN: Type.Integer({ minimum: 100, default: 10_000 }),
  /** Where socket.io answers; the ingress routes /realtime here. */
  SOCKET_IO_PATH: Type.String({ pattern: '^/[a-z0-9/_-]*$', default: '/realtime' }),
  /** How long after a disconnect a client may resume its session and get the events it missed. */
  RECOVERY_MAX_DISCONNECT_MS: Type.Integer({ minimum: 0, default: 120_000 }),
  /** Bytes queued for one socket (unsent websocket frames) before the server drops it as too slow. */
  SOCKET_MAX_BUFFERED_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  /** Packets queued for one socket in engine.io (e.g. a long-polling client that stopped polling). */
  SOCKET_MAX_QUEUED_PACKETS: Type.Integer({ minimum: 1, default: 1_000 }),
  /** Map viewports one socket may watch at once. */
  VIEWPORTS_PER_SOCKET: Type.Integer({ minimum: 1, maximum: 32, default: 4 }),
  /** Map tiles one viewport may cover: a wider area is watched on coarser tiles. */
  VIEWPORT_MAX_TILES: Type.Integer({ minimum: 1, maximum: 1024, default: 64 }),
  /** listings' snapshot topic (the catalog's; tests use their own). */
  LISTINGS_TOPIC: Type.String({ minLength: 1, default: 'listings.listing' }),
  /** One group for all replicas: each change is consumed once and fanned out through Redis. */
  LISTINGS_GROUP_ID: Type.String({ minLength: 1, default: 'realtime-listings' }),
  /** notifications' topic carrying in-app notifications (the catalog's; tests use their own). */
  NOTIFICATIONS_TOPIC: Type.String({ minLength: 1, default: 'notifications.notification' }),
  NOTIFICATIONS_GROUP_ID: Type.String({ minLength: 1, default: 'realtime-notifications' }),
  /** Run the consumers in this process (off for a replica that only holds sockets). */
  CONSUMERS_ENABLED: Type.Boolean({ default: true }),
});

export type Config = Static<typeof configSchema>;

/** Reads the realtime service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);

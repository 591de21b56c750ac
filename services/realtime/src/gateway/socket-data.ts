import type { Server, Socket } from 'socket.io';
import type { ListingChange, OrgListingStatus } from '../listings/listing-change.js';
import type { InAppNotification, NotificationReadPush } from '../notifications/in-app-notification.js';
import type { WatchedViewport } from '../viewport/viewport-subscriptions.js';

/** What the server keeps per socket; socket.io stores it with a session, so a recovered socket has it back. */
export interface SocketData {
  /** The token's subject, or null for an anonymous (public map) socket. */
  userId: string | null;
  orgId: string | null;
  /** When the current access token expires (epoch ms); the socket is closed then unless re-authenticated. */
  expiresAt: number | null;
  viewports: WatchedViewport[];
}

type Ack = (answer: unknown) => void;

/** Requests a client may send; each answers through its acknowledgement. */
export interface ClientToServerEvents {
  'viewport:subscribe': (payload: unknown, ack?: Ack) => void;
  'viewport:unsubscribe': (payload: unknown, ack?: Ack) => void;
  /** A fresh access token (same person) before the current one expires. */
  'auth:refresh': (payload: unknown, ack?: Ack) => void;
}

/** What the server pushes. */
export interface ServerToClientEvents {
  'listing:changed': (change: ListingChange) => void;
  'listing:status': (status: OrgListingStatus) => void;
  notification: (notification: InAppNotification) => void;
  'notification:read': (read: NotificationReadPush) => void;
  /** Sent just before the server closes a socket whose token expired without a refresh. */
  'auth:expired': (info: { expired_at: string }) => void;
}

export type GatewayServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type GatewaySocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

import { reply, socketProblem } from './socket-reply.js';
import { handshakeToken, type TokenVerifier } from './handshake-auth.js';
import { syncIdentityRooms } from './identity-rooms.js';
import type { GatewaySocket } from './socket-data.js';

// setTimeout's limit (~24.8 days); tokens live minutes, this only guards against a far-future exp.
const MAX_TIMER_MS = 2 ** 31 - 1;

// With connection-state recovery, socket.emit goes through the adapter (Redis) to the socket's own room,
// so the packet reaches the socket a moment later: close only once it was written (or after a bound).
const FAREWELL_WAIT_MS = 1_000;

async function tellAndClose(socket: GatewaySocket, expiresAt: number): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(bound);
      socket.conn.off('packetCreate', onPacket);
      resolve();
    };
    const bound = setTimeout(done, FAREWELL_WAIT_MS);
    const onPacket = (packet: { data?: unknown }) => {
      if (typeof packet.data === 'string' && packet.data.includes('"auth:expired"')) done();
    };
    socket.conn.on('packetCreate', onPacket);
    socket.emit('auth:expired', { expired_at: new Date(expiresAt).toISOString() });
  });
  socket.disconnect(true);
}

/**
 * Ends a signed-in socket when its access token expires, unless the client sent a fresh token of the same
 * person first (`auth:refresh`, `{ token }`): a token revoked by expiry stops receiving at once.
 */
export function enforceTokenExpiry(socket: GatewaySocket, verify: TokenVerifier): void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    const { expiresAt } = socket.data;
    if (expiresAt === null) return;
    timer = setTimeout(
      () => void tellAndClose(socket, expiresAt),
      Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())),
    );
    timer.unref();
  };
  arm();
  socket.on('disconnect', () => clearTimeout(timer));

  socket.on('auth:refresh', async (payload, ack) => {
    const refused = (status: number, detail: string) =>
      reply(ack, { ok: false, problem: socketProblem('unauthorized', status, 'Unauthorized', detail) });
    if (socket.data.userId === null) return refused(400, 'An anonymous connection has no token to refresh.');
    let token: string | null;
    try {
      token = handshakeToken(payload);
    } catch {
      token = null;
    }
    if (token === null) return refused(401, 'Send { token } with a fresh access token.');
    try {
      const verified = await verify(token);
      if (verified.principal.userId !== socket.data.userId)
        return refused(403, 'A connection keeps its person; connect again to act as someone else.');
      socket.data.expiresAt = verified.expiresAt;
      socket.data.orgId = verified.principal.orgId;
      await syncIdentityRooms(socket, verified.principal);
      arm();
      reply(ack, { ok: true, result: { expires_at: new Date(verified.expiresAt).toISOString() } });
    } catch {
      refused(401, 'The access token is not valid.');
    }
  });
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Namespace } from 'socket.io';
import { handshakeToken, type TokenVerifier, type VerifiedToken } from './handshake-auth.js';
import type { GatewaySocket } from './socket-data.js';

/** The handshake's outcome: a person, anonymous (null), or the error that refuses it. */
export type HandshakeOutcome = { ok: true; token: VerifiedToken | null } | { ok: false; error: unknown };

// socket.io restores a session (its rooms, its data, and the packets it missed, which it writes to the
// wire at once) before any middleware runs, knowing only the session id the client presents. So the token
// is checked first, here, and a session is restored only for the person it belonged to: a leaked session
// id alone opens nobody's rooms. These are socket.io 4.8 internals (Namespace._createSocket and the
// adapter's restoreSession); test/recovery.int.test.ts fails if an upgrade changes them.
interface NamespaceInternals {
  _createSocket(client: unknown, auth: Record<string, unknown>): Promise<GatewaySocket>;
}
interface RecoverableSession {
  data: { userId?: string | null };
}

const handshakes = new AsyncLocalStorage<HandshakeOutcome>();
const outcomes = new WeakMap<GatewaySocket, HandshakeOutcome>();

async function authenticate(auth: unknown, verify: TokenVerifier): Promise<HandshakeOutcome> {
  try {
    const token = handshakeToken(auth);
    return { ok: true, token: token === null ? null : await verify(token) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Verifies each handshake's token before socket.io creates (or restores) its socket; see above. */
export function bindSessionsToTokens(nsp: Namespace, verify: TokenVerifier): void {
  const internals = nsp as unknown as NamespaceInternals;
  const createSocket = internals._createSocket.bind(nsp);
  internals._createSocket = async (client, auth) => {
    const outcome = await authenticate(auth, verify);
    const socket = await handshakes.run(outcome, () => createSocket(client, auth));
    outcomes.set(socket, outcome);
    return socket;
  };
  const adapter = nsp.adapter;
  const restoreSession = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restoreSession(pid, offset);
    const outcome = handshakes.getStore();
    const owner = (session as RecoverableSession).data.userId ?? null;
    const presenter = outcome?.ok ? (outcome.token?.principal.userId ?? null) : undefined;
    // A refused handshake restores nothing; an accepted one only its own person's (or an anonymous) session.
    if (owner !== presenter) throw new Error('the session belongs to someone else');
    return session;
  };
}

/** What the handshake of this socket came to (always set by the time middleware runs). */
export function handshakeOutcome(socket: GatewaySocket): HandshakeOutcome {
  return outcomes.get(socket) ?? { ok: false, error: new Error('handshake not authenticated') };
}

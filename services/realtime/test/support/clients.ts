import { io as connectSocket, type Socket } from 'socket.io-client';

const PATH = '/realtime';

/** A socket.io client of the gateway (websocket only; no reconnection unless a test asks for it). */
export function client(
  url: string,
  auth: Record<string, unknown> = {},
  options: { reconnection?: boolean; transports?: string[] } = {},
): Socket {
  return connectSocket(url, {
    path: PATH,
    auth,
    transports: options.transports ?? ['websocket'],
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    forceNew: true,
  });
}

/** Connects; rejects with the handshake's problem if the server refuses. */
export function connected(socket: Socket, timeoutMs = 15_000): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    const timer = setTimeout(() => reject(new Error(`not connected within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => (clearTimeout(timer), resolve(socket)));
    socket.once('connect_error', (error) => (clearTimeout(timer), reject(error)));
  });
}

/** The problem a refused handshake answered with. */
export function refusal(socket: Socket): Promise<{ status: number; type: string; detail: string }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the handshake was accepted')));
    socket.once(
      'connect_error',
      (error: Error & { data?: { status: number; type: string; detail: string } }) =>
        error.data ? resolve(error.data) : reject(error),
    );
  });
}

/** Every `event` the socket receives, in order. */
export function received<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Resolves with the first `event` matching `predicate` (or rejects after `timeoutMs`). */
export function next<T>(
  socket: Socket,
  event: string,
  predicate: (payload: T) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Resolves when the socket is disconnected, with socket.io's reason. */
export function disconnection(socket: Socket, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** A request with an acknowledgement. */
export function request<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
}

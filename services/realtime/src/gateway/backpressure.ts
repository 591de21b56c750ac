import type { GatewaySocket } from './socket-data.js';

/** How much may wait for one socket before it is dropped. */
export interface BackpressureLimits {
  maxBufferedBytes: number;
  maxQueuedPackets: number;
}

// engine.io keeps packets it could not hand to the transport yet in `writeBuffer`; the websocket
// transport's `ws` holds the frames the kernel has not taken (`bufferedAmount`). Not typed by engine.io.
interface EngineInternals {
  writeBuffer: { data?: unknown }[];
  transport: { name: string; socket?: { bufferedAmount: number; terminate(): void } };
  close(discard?: boolean): void;
}

const packetBytes = (packet: { data?: unknown }) =>
  typeof packet.data === 'string'
    ? Buffer.byteLength(packet.data)
    : Buffer.isBuffer(packet.data)
      ? packet.data.length
      : 0;

/** Bytes waiting for this socket in the server process, and packets waiting in engine.io. */
export function queuedFor(socket: GatewaySocket): { bytes: number; packets: number } {
  const conn = socket.conn as unknown as EngineInternals;
  const framed = conn.transport.socket?.bufferedAmount ?? 0;
  const queued = conn.writeBuffer.reduce((sum, packet) => sum + packetBytes(packet), 0);
  return { bytes: framed + queued, packets: conn.writeBuffer.length };
}

/**
 * A client that reads slower than it is sent to would make the server buffer for it without end. Each
 * packet created for the socket checks what waits for it; past a limit the connection is cut at once
 * (the websocket is terminated, not closed politely: a close frame would queue behind the backlog), which
 * frees the buffers. The client reconnects and recovers what it missed, or refetches its view.
 */
export function dropSlowConsumers(
  socket: GatewaySocket,
  limits: BackpressureLimits,
  onDrop: (queued: { bytes: number; packets: number }) => void,
): void {
  const conn = socket.conn as unknown as EngineInternals;
  let dropped = false;
  socket.conn.on('packetCreate', () => {
    if (dropped) return;
    const queued = queuedFor(socket);
    if (queued.bytes <= limits.maxBufferedBytes && queued.packets <= limits.maxQueuedPackets) return;
    dropped = true;
    onDrop(queued);
    if (conn.transport.socket) conn.transport.socket.terminate();
    else conn.close(true);
  });
}

import { io, type Socket } from 'socket.io-client';

/** Central Austin, watched by every bench socket; listings are published at its centre. */
export const VIEWPORT: [number, number, number, number] = [-97.8, 30.2, -97.7, 30.3];

/** Opens `count` anonymous websocket clients spread over `urls`, each watching VIEWPORT. */
export async function openViewers(
  urls: string[],
  count: number,
  onChange: (version: number) => void,
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const batch = 250;
  for (let start = 0; start < count; start += batch) {
    const opened = Array.from({ length: Math.min(batch, count - start) }, (_, i) => {
      const socket = io(urls[(start + i) % urls.length]!, {
        path: '/realtime',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      socket.on('listing:changed', (change: { version: number }) => onChange(change.version));
      return socket;
    });
    await Promise.all(
      opened.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            socket.once('connect_error', reject);
            socket.once('connect', () => {
              socket
                .timeout(30_000)
                .emitWithAck('viewport:subscribe', { bbox: VIEWPORT })
                .then(() => resolve(), reject);
            });
          }),
      ),
    );
    sockets.push(...opened);
  }
  return sockets;
}

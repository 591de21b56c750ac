import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { reply, socketProblem } from '../gateway/socket-reply.js';
import type { GatewaySocket } from '../gateway/socket-data.js';
import { coverBbox, type Bbox, type TileCover } from './tiles.js';

const Longitude = Type.Number({ minimum: -180, maximum: 180 });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });

/** `viewport:subscribe`'s payload: the map's visible area, `[west, south, east, north]`. */
export const ViewportRequest = Type.Object(
  { bbox: Type.Tuple([Longitude, Latitude, Longitude, Latitude]) },
  { additionalProperties: false },
);
const UnsubscribeRequest = Type.Object(
  { id: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

export interface ViewportLimits {
  perSocket: number;
  maxTiles: number;
}

/** A viewport a socket watches: the tile rooms it joined for it. */
export interface WatchedViewport {
  id: string;
  zoom: number;
  rooms: string[];
  covered: Bbox;
}

const invalid = (detail: string) => socketProblem('invalid-viewport', 400, 'Bad Request', detail);

function parseViewport(payload: unknown): Bbox | string {
  if (!Value.Check(ViewportRequest, payload))
    return 'Send { bbox: [west, south, east, north] } in degrees (longitudes -180..180, latitudes -90..90).';
  const { bbox } = payload as Static<typeof ViewportRequest>;
  const [west, south, east, north] = bbox;
  if (west >= east) return 'west must be less than east (an area across the antimeridian is two viewports).';
  if (south >= north) return 'south must be less than north.';
  return bbox;
}

/**
 * `viewport:subscribe` and `viewport:unsubscribe`: a socket (anonymous ones too: it is the public map)
 * watches up to `perSocket` areas; each is joined as at most `maxTiles` tile rooms, and the
 * acknowledgement says which area the tiles cover, so the client knows exactly what it will hear about.
 */
export function handleViewports(socket: GatewaySocket, limits: ViewportLimits): void {
  socket.on('viewport:subscribe', (payload, ack) => {
    const bbox = parseViewport(payload);
    if (typeof bbox === 'string') return reply(ack, { ok: false, problem: invalid(bbox) });
    const watched = socket.data.viewports;
    if (watched.length >= limits.perSocket)
      return reply(ack, {
        ok: false,
        problem: socketProblem(
          'too-many-viewports',
          429,
          'Too Many Requests',
          `A connection watches at most ${limits.perSocket} viewports; unsubscribe one first.`,
        ),
      });
    const cover: TileCover = coverBbox(bbox, limits.maxTiles);
    const viewport: WatchedViewport = { id: crypto.randomUUID(), ...cover };
    socket.data.viewports = [...watched, viewport];
    void socket.join(viewport.rooms);
    reply(ack, { ok: true, result: { id: viewport.id, zoom: viewport.zoom, bbox: viewport.covered } });
  });

  socket.on('viewport:unsubscribe', (payload, ack) => {
    const id = Value.Check(UnsubscribeRequest, payload) ? payload.id : null;
    const gone = socket.data.viewports.find((viewport) => viewport.id === id);
    if (!gone)
      return reply(ack, {
        ok: false,
        problem: socketProblem(
          'viewport-not-found',
          404,
          'Not Found',
          'No viewport of this connection has this id.',
        ),
      });
    socket.data.viewports = socket.data.viewports.filter((viewport) => viewport !== gone);
    // A tile two viewports share stays joined for the other.
    const kept = new Set(socket.data.viewports.flatMap((viewport) => viewport.rooms));
    for (const room of gone.rooms) if (!kept.has(room)) void socket.leave(room);
    reply(ack, { ok: true, result: { id: gone.id } });
  });
}

import type { ListingSnapshot } from '@portfolioos/schemas';
import type { GatewayServer } from '../gateway/socket-data.js';
import { orgRoom } from '../gateway/rooms.js';
import { pointRooms } from '../viewport/tiles.js';
import { orgListingStatus, publicListingChange } from './listing-change.js';

/**
 * listings published a snapshot: the public change goes to the map tiles around the listing (every
 * viewport watching it, on every replica, through the adapter) and the status to its organization's
 * staff. Broadcast inside the consumer's transaction, before its inbox row commits: a crash in between
 * redelivers and pushes again (clients keep the highest version), never loses the push.
 */
export function pushListingSnapshot(io: GatewayServer, snapshot: ListingSnapshot): string[] {
  const pushed: string[] = [];
  const change = publicListingChange(snapshot);
  if (change) {
    io.to(pointRooms(snapshot.location.lat, snapshot.location.lng)).emit('listing:changed', change);
    pushed.push('listing:changed');
  }
  io.to(orgRoom(snapshot.organization_id)).emit('listing:status', orgListingStatus(snapshot));
  pushed.push('listing:status');
  return pushed;
}

// Room names. Only the server joins sockets to rooms, from verified token claims (user, organization)
// or from a validated viewport (tiles); a client has no way to name a room itself.

/** Everything pushed to one person (in-app notifications), on every device they are connected from. */
export const userRoom = (userId: string): string => `user:${userId}`;

/** Staff of one organization (owner, manager, accountant, viewer): live changes of its own listings. */
export const orgRoom = (orgId: string): string => `org:${orgId}`;

/** A web-mercator map tile: public listing changes located in it. */
export const tileRoom = (zoom: number, x: number, y: number): string => `tile:${zoom}:${x}:${y}`;

/** Roles whose holders see their organization's listings in every status. */
export const STAFF_ROLES: readonly string[] = ['owner', 'manager', 'accountant', 'viewer'];

import type { Principal } from '@portfolioos/service-kit';
import { orgRoom, STAFF_ROLES, userRoom } from './rooms.js';
import type { GatewaySocket } from './socket-data.js';

/** The person and organization rooms this token's claims entitle it to (none for anonymous sockets). */
export function entitledRooms(principal: Principal | null): string[] {
  if (!principal?.userId) return [];
  const rooms = [userRoom(principal.userId)];
  if (principal.orgId && principal.roles.some((role) => STAFF_ROLES.includes(role)))
    rooms.push(orgRoom(principal.orgId));
  return rooms;
}

const isIdentityRoom = (room: string) => room.startsWith('user:') || room.startsWith('org:');

/**
 * Puts the socket in exactly the identity rooms of `principal`: joins what the token entitles it to and
 * leaves any other (a recovered session's rooms are from an earlier token, which may have acted for
 * another organization or role).
 */
export async function syncIdentityRooms(socket: GatewaySocket, principal: Principal | null): Promise<void> {
  const entitled = new Set(entitledRooms(principal));
  for (const room of socket.rooms) if (isIdentityRoom(room) && !entitled.has(room)) await socket.leave(room);
  if (entitled.size > 0) await socket.join([...entitled]);
}

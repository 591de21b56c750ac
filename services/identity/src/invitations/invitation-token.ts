import { randomSecret } from '../crypto/secrets.js';

const PREFIX = 'inv_';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `inv_<invitation id>_<secret>`: the id finds the row, the secret (stored only as a hash) proves possession. */
export function mintInvitationToken(invitationId: string): string {
  return `${PREFIX}${invitationId}_${randomSecret(32)}`;
}

/** The invitation id a token claims, or undefined when it is not shaped like one. */
export function invitationIdOf(token: string): string | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  const id = token.slice(PREFIX.length, PREFIX.length + 36);
  return UUID.test(id) && token[PREFIX.length + 36] === '_' ? id : undefined;
}

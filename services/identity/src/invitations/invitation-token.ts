import { randomSecret } from '../crypto/secrets.js';

/**
 * What holding an accept token proves. `mailed`: it was delivered to the invited address, so it proves
 * control of the email and may create a new account there. `handed`: it was given to the inviter over the
 * API, which proves nothing about the email, so it can only link an account that already exists (its
 * password, or its session, proves who accepts). The kind is part of the token, and the stored hash covers
 * the whole token, so a handed token cannot be turned into a mailed one.
 */
export type AcceptTokenKind = 'mailed' | 'handed';

const PREFIXES: Record<AcceptTokenKind, string> = { mailed: 'inv_', handed: 'ivh_' };
const PREFIX_LENGTH = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `inv_<invitation id>_<secret>`: the id finds the row, the secret (stored only as a hash) proves possession. */
export function mintInvitationToken(invitationId: string, kind: AcceptTokenKind): string {
  return `${PREFIXES[kind]}${invitationId}_${randomSecret(32)}`;
}

/** The invitation id and kind a token claims, or undefined when it is not shaped like one. */
export function parseInvitationToken(
  token: string,
): { invitationId: string; kind: AcceptTokenKind } | undefined {
  const kind = (Object.keys(PREFIXES) as AcceptTokenKind[]).find((k) => token.startsWith(PREFIXES[k]));
  if (!kind) return undefined;
  const id = token.slice(PREFIX_LENGTH, PREFIX_LENGTH + 36);
  return UUID.test(id) && token[PREFIX_LENGTH + 36] === '_' ? { invitationId: id, kind } : undefined;
}

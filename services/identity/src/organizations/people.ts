import { conflict } from '@portfolioos/service-kit';
import type { IdentityTx } from '../db/database.js';
import { eventRole, nowMillis, publish } from '../outbox.js';
import { insertUser, type UserRow } from '../users/repository.js';
import { insertMembership, type MembershipRow } from './repository.js';
import type { MembershipRole } from './roles.js';

export interface NewPerson {
  email: string;
  displayName: string;
  passwordHash: string;
  phone?: string | null;
}

/** Creates the account and publishes UserRegistered; `orgId` is the organization the person joins through. */
export async function registerUser(
  tx: IdentityTx,
  orgId: string,
  person: NewPerson,
  method: 'SELF_SIGNUP' | 'INVITATION',
  invitationId: string | null = null,
): Promise<UserRow> {
  const user = await insertUser(tx, {
    email: person.email,
    displayName: person.displayName,
    passwordHash: person.passwordHash,
    phone: person.phone ?? null,
    homeOrgId: orgId,
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw conflict('An account with this email already exists.', 'email-taken');
    throw error;
  });
  await publish(tx, 'portfolioos.identity.UserRegistered', user.id, {
    user_id: user.id,
    organization_id: orgId,
    occurred_at: nowMillis(),
    email: user.email,
    display_name: user.displayName,
    phone: user.phone,
    registration_method: method,
    invitation_id: invitationId,
  });
  return user;
}

/** Makes `userId` a member of `orgId` with `role` and publishes MembershipGranted. */
export async function grantMembership(
  tx: IdentityTx,
  grant: {
    orgId: string;
    userId: string;
    role: MembershipRole;
    grantedBy: string | null;
    invitationId?: string | null;
  },
): Promise<MembershipRow> {
  const membership = await insertMembership(tx, {
    orgId: grant.orgId,
    userId: grant.userId,
    role: grant.role,
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw conflict('That person is already a member.', 'already-member');
    throw error;
  });
  await publish(tx, 'portfolioos.identity.MembershipGranted', membership.id, {
    membership_id: membership.id,
    organization_id: grant.orgId,
    occurred_at: nowMillis(),
    user_id: grant.userId,
    role: eventRole(grant.role),
    granted_by_user_id: grant.grantedBy,
    invitation_id: grant.invitationId ?? null,
  });
  return membership;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as Error & { code?: string }).code === '23505') return true;
  }
  return false;
}

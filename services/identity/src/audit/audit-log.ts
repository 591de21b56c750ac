import type { FastifyRequest } from 'fastify';
import type { IdentityTx } from '../db/database.js';
import { insertAuditEvent } from './repository.js';

/** Security-relevant things an owner can review. */
export type AuditAction =
  | 'user.signed_up'
  | 'user.signed_in'
  | 'user.sign_in_failed'
  | 'user.locked_out'
  | 'session.refresh_reused'
  | 'session.logged_out'
  | 'membership.role_changed'
  | 'membership.revoked'
  | 'invitation.created'
  | 'invitation.accepted'
  | 'invitation.revoked'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'oauth.token_issued'
  | 'user.switched_organization'
  | 'user.profile_updated'
  | 'user.deactivated'
  | 'organization.updated';

/** Who did it and from where. */
export interface AuditActor {
  userId: string | null;
  kind: 'user' | 'admin' | 'api_key' | 'client' | 'anonymous';
  ip: string | null;
  userAgent: string | null;
}

/** The actor of an HTTP request (its principal if authenticated). */
export function actorOf(request: FastifyRequest, userId: string | null = null): AuditActor {
  const principal = request.principal;
  return {
    userId: principal?.userId ?? userId,
    kind: principal?.kind ?? (userId ? 'user' : 'anonymous'),
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  };
}

/** Appends to the organization's audit log inside the caller's (org-scoped) transaction. */
export function recordAudit(
  tx: IdentityTx,
  orgId: string,
  action: AuditAction,
  actor: AuditActor,
  subject: string | null = null,
  details: Record<string, string> = {},
): Promise<void> {
  return insertAuditEvent(tx, {
    orgId,
    action,
    actorUserId: actor.userId,
    actorKind: actor.kind,
    subject,
    ip: actor.ip,
    userAgent: actor.userAgent,
    details,
  });
}

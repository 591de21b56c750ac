import { randomBytes, randomUUID } from 'node:crypto';
import { withOrgTransaction } from '@portfolioos/db';
import { notFound } from '@portfolioos/service-kit';
import type { LoginGuard } from '../abuse/login-guard.js';
import { recordAudit, type AuditActor } from '../audit/audit-log.js';
import type { PasswordHasher } from '../crypto/passwords.js';
import type { IdentityDb } from '../db/database.js';
import { nowMillis, publish } from '../outbox.js';
import { grantMembership, registerUser } from '../organizations/people.js';
import { findOrganization, insertOrganization } from '../organizations/repository.js';
import { startSession, type TokenPair } from '../sessions/sessions.js';
import type { TokenIssuer } from '../sessions/token-issuer.js';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  phone?: string;
  organization: { name: string; country: string; timezone: string; defaultCurrency: string };
}

export interface SignUpResult {
  userId: string;
  organizationId: string;
  tokens: TokenPair;
}

/** Self-service sign-up (a landlord or manager) and applicant self-registration. */
export class SignUpService {
  constructor(
    private readonly db: IdentityDb,
    private readonly issuer: TokenIssuer,
    private readonly passwords: PasswordHasher,
    private readonly guard: LoginGuard,
    private readonly refreshTtlSeconds: number,
  ) {}

  /** Creates the person, a new organization, and makes them its owner — one transaction, four events. */
  async signUp(input: SignUpInput, actor: AuditActor): Promise<SignUpResult> {
    await this.guard.checkRate('signup', actor.ip ?? 'unknown');
    const passwordHash = await this.passwords.hash(input.password);
    const orgId = randomUUID();
    return withOrgTransaction(this.db, orgId, async (tx) => {
      const user = await registerUser(tx, orgId, { ...input, passwordHash }, 'SELF_SIGNUP');
      const org = await insertOrganization(tx, {
        id: orgId,
        slug: slugFor(input.organization.name),
        ...input.organization,
      });
      await publish(tx, 'portfolioos.identity.OrganizationCreated', org.id, {
        organization_id: org.id,
        occurred_at: nowMillis(),
        name: org.name,
        slug: org.slug,
        default_currency: org.defaultCurrency,
        timezone: org.timezone,
        country: org.country,
        created_by_user_id: user.id,
      });
      await grantMembership(tx, { orgId, userId: user.id, role: 'owner', grantedBy: null });
      await recordAudit(tx, orgId, 'user.signed_up', { ...actor, userId: user.id, kind: 'user' }, user.id);
      const tokens = await startSession(tx, this.issuer, this.refreshTtlSeconds, {
        userId: user.id,
        orgId,
        roles: ['owner'],
      });
      return { userId: user.id, organizationId: orgId, tokens };
    });
  }

  /** A prospective tenant registers with the organization whose listing they found (role `applicant`). */
  async registerApplicant(
    input: Omit<SignUpInput, 'organization'> & { organizationId: string },
    actor: AuditActor,
  ): Promise<SignUpResult> {
    await this.guard.checkRate('signup', actor.ip ?? 'unknown');
    const passwordHash = await this.passwords.hash(input.password);
    const orgId = input.organizationId;
    return withOrgTransaction(this.db, orgId, async (tx) => {
      if (!(await findOrganization(tx, orgId))) throw notFound('No such organization.');
      const user = await registerUser(tx, orgId, { ...input, passwordHash }, 'SELF_SIGNUP');
      await grantMembership(tx, { orgId, userId: user.id, role: 'applicant', grantedBy: null });
      await recordAudit(tx, orgId, 'user.signed_up', { ...actor, userId: user.id, kind: 'user' }, user.id);
      const tokens = await startSession(tx, this.issuer, this.refreshTtlSeconds, {
        userId: user.id,
        orgId,
        roles: ['applicant'],
      });
      return { userId: user.id, organizationId: orgId, tokens };
    });
  }
}

/** A readable, unique slug: the name in kebab case plus a short random suffix. */
function slugFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${base || 'org'}-${randomBytes(3).toString('hex')}`;
}

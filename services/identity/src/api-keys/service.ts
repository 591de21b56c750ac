import { withOrgTransaction } from '@portfolioos/db';
import { scopesNotHeld } from '@portfolioos/contracts';
import { forbidden, notFound, unprocessable, type Principal } from '@portfolioos/service-kit';
import { recordAudit, type AuditActor } from '../audit/audit-log.js';
import { hashSecret, secretMatches } from '../crypto/secrets.js';
import { withLookup, type IdentityDb, type IdentityTx } from '../db/database.js';
import { nowMillis, publish } from '../outbox.js';
import { displayPrefix, mintApiKey, prefixOf } from './api-key-format.js';
import {
  creatorStillEntitled,
  findApiKey,
  findApiKeyByPrefix,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
  type ApiKeyRow,
} from './repository.js';

const TOUCH_EVERY_MS = 60_000;

/** Partner API keys: shown once at creation, stored as a hash, scoped, expiring, revocable. */
export class ApiKeyService {
  constructor(private readonly db: IdentityDb) {}

  async create(
    principal: Principal,
    input: { name: string; scopes: string[]; expiresAt?: Date },
    actor: AuditActor,
  ) {
    const orgId = this.orgOf(principal);
    // A key acts for its creator: it may carry only scopes the creator's role holds (a manager cannot mint
    // an owner's or accountant's powers for a partner).
    const notHeld = scopesNotHeld(principal.roles, input.scopes);
    if (notHeld.length > 0)
      throw forbidden(
        `Your role does not hold ${notHeld.join(', ')}; a key carries only what its creator may do.`,
      );
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
      throw unprocessable('expires_at must be in the future.', 'expiry-in-past');
    const { key, prefix } = mintApiKey();
    const row = await withOrgTransaction(this.db, orgId, async (tx) => {
      const created = await insertApiKey(tx, {
        orgId,
        name: input.name,
        prefix,
        secretHash: hashSecret(key),
        scopes: [...new Set(input.scopes)].sort(),
        createdByUserId: principal.userId!,
        expiresAt: input.expiresAt ?? null,
      });
      await publish(tx, 'portfolioos.identity.ApiKeyCreated', created.id, {
        api_key_id: created.id,
        organization_id: orgId,
        occurred_at: nowMillis(),
        name: created.name,
        key_prefix: displayPrefix(prefix),
        scopes: created.scopes,
        created_by_user_id: principal.userId!,
        expires_at: created.expiresAt?.getTime() ?? null,
      });
      await recordAudit(tx, orgId, 'api_key.created', actor, created.id, { prefix: displayPrefix(prefix) });
      return created;
    });
    return { row, key };
  }

  list(principal: Principal): Promise<ApiKeyRow[]> {
    const orgId = this.orgOf(principal);
    return withOrgTransaction(this.db, orgId, (tx) => listApiKeys(tx, orgId));
  }

  async revoke(principal: Principal, id: string, actor: AuditActor): Promise<void> {
    const orgId = this.orgOf(principal);
    await withOrgTransaction(this.db, orgId, async (tx) => {
      const key = await findApiKey(tx, orgId, id);
      if (!key) throw notFound();
      if (key.revokedAt) return;
      await revokeApiKey(tx, orgId, id);
      await publish(tx, 'portfolioos.identity.ApiKeyRevoked', id, {
        api_key_id: id,
        organization_id: orgId,
        occurred_at: nowMillis(),
        key_prefix: displayPrefix(key.prefix),
        revoked_by_user_id: principal.userId,
        reason: null,
      });
      await recordAudit(tx, orgId, 'api_key.revoked', actor, id, { prefix: displayPrefix(key.prefix) });
    });
  }

  /** The live key a presented secret belongs to (checked on every request, so revocation is immediate). */
  async authenticate(presented: string): Promise<ApiKeyRow | undefined> {
    const prefix = prefixOf(presented);
    if (!prefix) return undefined;
    const row = await withLookup(this.db, 'api_key_prefix', prefix, (tx) => findApiKeyByPrefix(tx, prefix));
    if (!row || !secretMatches(presented, row.secretHash) || row.revokedAt) return undefined;
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return undefined;
    const live = await withOrgTransaction(this.db, row.orgId, async (tx: IdentityTx) => {
      if (!(await creatorStillEntitled(tx, row.orgId, row.createdByUserId))) return false;
      // last_used_at has minute precision, so most calls of a busy key skip the write.
      if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS)
        await touchApiKey(tx, row.orgId, row.id);
      return true;
    });
    return live ? row : undefined;
  }

  /** Shows a client-credentials token issued to `key` in its organization's audit log. */
  recordTokenIssued(key: ApiKeyRow, scopes: string[], actor: AuditActor): Promise<void> {
    return withOrgTransaction(this.db, key.orgId, (tx) =>
      recordAudit(tx, key.orgId, 'oauth.token_issued', actor, key.id, {
        prefix: displayPrefix(key.prefix),
        scope: scopes.join(' '),
      }),
    );
  }

  /** The auth plugin's view of a key. */
  readonly verify = async (presented: string): Promise<Principal | null> => {
    const row = await this.authenticate(presented);
    if (!row) return null;
    return {
      kind: 'api_key',
      subject: row.id,
      userId: null,
      orgId: row.orgId,
      roles: [],
      scopes: row.scopes,
      sessionId: null,
    };
  };

  private orgOf(principal: Principal): string {
    if (!principal.orgId) throw notFound();
    return principal.orgId;
  }
}

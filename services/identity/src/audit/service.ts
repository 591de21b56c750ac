import { withOrgTransaction } from '@portfolioos/db';
import { notFound, type Principal } from '@portfolioos/service-kit';
import type { IdentityDb } from '../db/database.js';
import { readPosition } from '../paging/cursor-position.js';
import { listAuditEvents } from './repository.js';

/** Reading an organization's auth audit log. */
export class AuditLogService {
  constructor(private readonly db: IdentityDb) {}

  /**
   * One page, newest first, after the page cursor if given. Another organization's log answers 404, as if
   * it did not exist, before its cursor is looked at.
   */
  page(principal: Principal, orgId: string, limit: number, cursor: string | undefined) {
    if (principal.orgId !== orgId) throw notFound();
    const after = readPosition(cursor, 'microseconds');
    return withOrgTransaction(this.db, orgId, (tx) => listAuditEvents(tx, orgId, limit, after));
  }
}

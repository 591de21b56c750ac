import { notFound, type Principal } from '@portfolioos/service-kit';
import { inCallerOrg, portalUserOf } from '../access.js';
import type { LeasingDb } from '../db/database.js';
import type { CursorPosition } from '../http-schemas.js';
import { findTenant } from '../tenants/repository.js';
import { draftLease } from './drafting.js';
import { statusAfter, type LeaseAction, type LeaseStatus } from './lifecycle.js';
import {
  findLeases,
  listLeaseIds,
  lockLease,
  type LeaseFilter,
  type LeaseWithParties,
} from './repository.js';
import type { ESignature } from '../esign/e-signature.js';
import type { LeaseBody, NoticeBody, RenewBody, SendBody, TerminateBody } from './schemas.js';
import * as transitions from './transitions.js';

/** What a transition request carries besides the lease. */
export type TransitionInput =
  | { action: 'send'; body?: SendBody }
  | { action: 'sign' | 'start' | 'end' }
  | { action: 'give_notice'; body: NoticeBody }
  | { action: 'terminate'; body: TerminateBody }
  | { action: 'cancel'; body: { reason?: string } }
  | { action: 'renew'; body: RenewBody };

/**
 * Leases of the caller's organization: drafting, the lifecycle, reads. A tenant of the renter portal
 * reads only the leases it is a party of; anyone else's lease is simply not found.
 */
export class LeaseService {
  constructor(
    private readonly db: LeasingDb,
    private readonly esign: ESignature,
    private readonly now: () => Date = () => new Date(),
  ) {}

  draft(principal: Principal | null, body: LeaseBody): Promise<LeaseWithParties> {
    return inCallerOrg(this.db, principal, (tx, orgId) => draftLease(tx, orgId, body));
  }

  get(principal: Principal | null, id: string): Promise<LeaseWithParties> {
    const tenantUserId = portalUserOf(principal);
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const [lease] = await findLeases(tx, orgId, [id]);
      if (!lease || (tenantUserId && !lease.parties.some((p) => p.userId === tenantUserId))) throw notFound();
      return lease;
    });
  }

  list(
    principal: Principal | null,
    filter: LeaseFilter,
    limit: number,
    after?: CursorPosition,
  ): Promise<LeaseWithParties[]> {
    const tenantUserId = portalUserOf(principal);
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const ids = await listLeaseIds(tx, orgId, { ...filter, tenantUserId }, limit, after);
      return findLeases(tx, orgId, ids);
    });
  }

  /** Leases a tenant record is a party of (404 for a tenant of another organization). */
  listOfTenant(
    principal: Principal | null,
    tenantId: string,
    limit: number,
    after?: CursorPosition,
  ): Promise<LeaseWithParties[]> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      if (!(await findTenant(tx, orgId, tenantId))) throw notFound();
      return findLeases(tx, orgId, await listLeaseIds(tx, orgId, { tenantId }, limit, after));
    });
  }

  /** Moves a lease along its lifecycle; a transition its status does not allow is a 409. */
  transition(principal: Principal | null, id: string, input: TransitionInput): Promise<LeaseWithParties> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const lease = await lockLease(tx, orgId, id);
      if (!lease) throw notFound();
      const to = statusAfter(lease.status as LeaseStatus, input.action as LeaseAction);
      const t = { tx, lease, to, now: this.now() };
      switch (input.action) {
        case 'send':
          return transitions.send(t, input.body ?? {}, (await findLeases(tx, orgId, [id]))[0]!, this.esign);
        case 'sign':
          return transitions.sign(t);
        case 'start':
          return transitions.start(t);
        case 'end':
          return transitions.end(t);
        case 'give_notice':
          return transitions.giveNotice(t, input.body);
        case 'terminate':
          return transitions.terminate(t, input.body);
        case 'cancel':
          return transitions.cancel(t, input.body.reason);
        case 'renew':
          return transitions.renew(t, input.body, (await findLeases(tx, orgId, [id]))[0]!);
      }
    });
  }
}

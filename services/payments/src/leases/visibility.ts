import { and, eq, exists } from 'drizzle-orm';
import { notFound, type Principal } from '@portfolioos/service-kit';
import { portalUserOf } from '../access.js';
import type { PaymentsTx } from '../db/database.js';
import { leaseParties, leases } from '../db/schema.js';

/**
 * The lease if the caller may see it: staff see their organization's leases, a tenant-portal user only
 * leases they are a party of. Anything else is a 404, so a lease's existence is not revealed.
 */
export async function visibleLease(
  tx: PaymentsTx,
  orgId: string,
  leaseId: string,
  principal: Principal | null,
) {
  const portalUser = portalUserOf(principal);
  const party = portalUser
    ? exists(
        tx
          .select()
          .from(leaseParties)
          .where(and(eq(leaseParties.leaseId, leases.id), eq(leaseParties.userId, portalUser))),
      )
    : undefined;
  const [lease] = await tx
    .select({ id: leases.id, currency: leases.currency, unitId: leases.unitId })
    .from(leases)
    .where(and(eq(leases.orgId, orgId), eq(leases.id, leaseId), party));
  if (!lease) throw notFound('No such lease.');
  return lease;
}

import type { TenantCreated, TenantUpdated } from '@portfolioos/schemas';
import { notNewerThan } from '../catalog/newer-than.js';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { MaintenanceTx } from '../db/database.js';
import { tenants } from '../db/schema.js';

/**
 * leasing created or changed a tenant: remember which identity user it is (the renter portal's link).
 * Unlinking (user_id null) is kept too: that user then files for nothing.
 */
export async function onTenantChanged(
  event: TenantCreated | TenantUpdated,
  tx: MaintenanceTx,
): Promise<void> {
  await actAsOrganization(tx, event.organization_id);
  const asOf = new Date(event.occurred_at);
  await tx
    .insert(tenants)
    .values({ id: event.tenant_id, orgId: event.organization_id, userId: event.user_id, asOf })
    .onConflictDoUpdate({
      target: tenants.id,
      set: { userId: event.user_id, asOf },
      setWhere: notNewerThan(tenants.asOf, asOf),
    });
}

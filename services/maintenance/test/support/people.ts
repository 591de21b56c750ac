import type { Database } from '@portfolioos/db';
import type { TestTokenSigner } from '@portfolioos/testing';
import { addUnit, applyUpstream, seedUnit } from './apply-upstream.js';
import { bearer, subjectOf } from './harness.js';
import { leaseSigned } from './upstream-events.js';

/** An organization with a property of two units; a tenant (portal user) leasing unit A since 2026-01-01. */
export interface Neighbourhood {
  orgId: string;
  propertyId: string;
  unitA: string;
  unitB: string;
  leaseA: string;
  staff: Record<string, string>;
  tenantA: Record<string, string>;
  tenantAUserId: string;
  /** Leases unit B. */
  tenantB: Record<string, string>;
}

export async function seedNeighbourhood(db: Database, signer: TestTokenSigner): Promise<Neighbourhood> {
  const orgId = crypto.randomUUID();
  const { propertyId, unitId: unitA } = await seedUnit(db, orgId);
  const unitB = await addUnit(db, orgId, propertyId);
  const tokenA = await signer.staffToken(orgId, ['tenant']);
  const tokenB = await signer.staffToken(orgId, ['tenant']);
  const lease = (unitId: string, token: string) =>
    leaseSigned({
      orgId,
      unitId,
      propertyId,
      startDate: '2026-01-01',
      parties: [{ tenantId: crypto.randomUUID(), userId: subjectOf(token) }],
    });
  const leaseA = lease(unitA, tokenA);
  await applyUpstream(db, 'portfolioos.leasing.LeaseSigned', leaseA);
  await applyUpstream(db, 'portfolioos.leasing.LeaseSigned', lease(unitB, tokenB));
  return {
    orgId,
    propertyId,
    unitA,
    unitB,
    leaseA: leaseA.lease_id,
    staff: bearer(await signer.staffToken(orgId, ['manager'])),
    tenantA: bearer(tokenA),
    tenantAUserId: subjectOf(tokenA),
    tenantB: bearer(tokenB),
  };
}

/** A request body with sensible defaults. */
export const requestBody = (overrides: Record<string, unknown> = {}) => ({
  category: 'plumbing',
  priority: 'urgent',
  title: 'Kitchen sink leaking',
  description: 'Water under the sink since this morning.',
  permission_to_enter: true,
  availability: [{ starts_at: '2026-06-02T14:00:00Z', ends_at: '2026-06-02T18:00:00Z' }],
  ...overrides,
});

/** A vendor body with sensible defaults. */
export const vendorBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Fix-It Plumbing',
  trade: 'plumbing',
  contact_name: 'Sam Ortiz',
  email: `Fixit-${crypto.randomUUID()}@Example.com`,
  phone: '+15125550100',
  service_area: ['78701', '78702'],
  hourly_rate_minor: 9_500,
  currency: 'USD',
  insurance_expires_on: '2027-03-31',
  w9_on_file: true,
  eligible_1099: true,
  ...overrides,
});

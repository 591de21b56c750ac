import { avroDateToIsoDate, type LeaseSigned } from '@portfolioos/schemas';
import type { ListingsTx } from '../db/database.js';
import { publishSnapshots } from '../listings/snapshots.js';
import { leaseUnitListings } from './lease-repository.js';

/**
 * A lease was signed for a unit: its published listing becomes leased, and the new snapshot goes out
 * through the outbox in this same transaction (search drops it from public results). Matching is on
 * organization and unit, so an event naming another organization's unit, or a unit we do not know,
 * changes nothing; the inbox (same transaction) makes redeliveries no-ops.
 */
export async function onLeaseSigned(lease: LeaseSigned, tx: ListingsTx): Promise<void> {
  const ids = await leaseUnitListings(tx, {
    organizationId: lease.organization_id,
    unitId: lease.terms.unit_id,
    signedAt: new Date(lease.occurred_at),
    endDate: lease.terms.end_date === null ? null : avroDateToIsoDate(lease.terms.end_date),
  });
  await publishSnapshots(tx, lease.organization_id, ids);
}

import { sql } from 'drizzle-orm';
import type { ListingsTx } from '../db/database.js';

/** A signed lease as far as listings care: which unit, of which organization, when, and until when. */
export interface SignedLease {
  organizationId: string;
  unitId: string;
  signedAt: Date;
  /** Last day of the tenancy (YYYY-MM-DD); null = open-ended. */
  endDate: string | null;
}

/**
 * Takes the unit's published listings off the market (status leased, version bumped); returns their ids.
 * Skipped when the lease has already ended (a replayed old lease, judged by the property's local date) or
 * when staff changed the listing's status after the lease was signed: a re-publication after a lease that
 * we only hear about late is a decision made knowing it, and must not be undone by an old event.
 */
export async function leaseUnitListings(tx: ListingsTx, lease: SignedLease): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`
    update listings l
       set status = 'leased', status_changed_at = now(), version = l.version + 1, updated_at = now()
      from units u
      join properties p on p.id = u.property_id
     where u.id = l.unit_id
       and u.id = ${lease.unitId} and u.org_id = ${lease.organizationId} and l.org_id = ${lease.organizationId}
       and l.status = 'published'
       and l.status_changed_at <= ${lease.signedAt.toISOString()}::timestamptz
       and (${lease.endDate}::date is null or ${lease.endDate}::date >= (now() at time zone p.time_zone)::date)
    returning l.id`);
  return result.rows.map((r) => r.id);
}

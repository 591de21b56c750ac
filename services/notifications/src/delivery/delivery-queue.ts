import { sql } from 'drizzle-orm';
import type { NotificationsDb } from '../db/database.js';

/** A due delivery a worker now holds for `claimMs`. */
export interface ClaimedDelivery {
  notificationId: string;
  orgId: string;
}

/**
 * Claims up to `limit` due deliveries by pushing their due time `claimMs` ahead: other workers (other
 * replicas) skip them, and a worker that dies mid-send leaves them to come due again. SKIP LOCKED keeps
 * two workers from claiming the same row at the same moment.
 */
export async function claimDueDeliveries(
  db: NotificationsDb,
  limit: number,
  claimMs: number,
): Promise<ClaimedDelivery[]> {
  const result = await db.execute<{ notification_id: string; org_id: string }>(sql`
    update delivery_queue set due_at = now() + make_interval(secs => ${claimMs / 1000})
    where notification_id in (
      select notification_id from delivery_queue where due_at <= now()
      order by due_at limit ${limit} for update skip locked)
    returning notification_id, org_id`);
  return result.rows.map((row) => ({ notificationId: row.notification_id, orgId: row.org_id }));
}

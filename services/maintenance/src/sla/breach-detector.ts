import { and, asc, eq, inArray, isNull, lte, notInArray, sql } from 'drizzle-orm';
import { withOrgTransaction, withTransaction } from '@portfolioos/db';
import type { MaintenanceDb } from '../db/database.js';
import { maintenanceRequests } from '../db/schema.js';
import { publish } from '../outbox.js';

const r = maintenanceRequests;
/** Statuses whose SLA no longer runs: the work is done or the request is gone. */
const SETTLED = ['completed', 'closed', 'cancelled'];

const overdue = (now: Date) =>
  and(isNull(r.slaBreachedAt), notInArray(r.status, SETTLED), lte(r.slaDueAt, now));

/** Overdue requests of every organization, oldest deadline first (the sweep policy lets this read them). */
async function findOverdue(db: MaintenanceDb, now: Date, limit: number) {
  return withTransaction(db, async (tx) => {
    await tx.execute(sql`select set_config('app.sla_sweep', 'on', true)`);
    return tx
      .select({ id: r.id, orgId: r.orgId })
      .from(r)
      .where(overdue(now))
      .orderBy(asc(r.slaDueAt))
      .limit(limit);
  });
}

/**
 * Marks requests whose SLA ran out at `now` as breached and emits one MaintenanceSlaBreached each, in the
 * same transaction as the mark. The UPDATE re-checks "not yet breached" on the locked row, so two
 * replicas sweeping at once, or a sweep repeated after a crash, never emit a breach twice. Returns the
 * number of breaches emitted.
 */
export async function detectSlaBreaches(db: MaintenanceDb, now: Date, batchSize = 500): Promise<number> {
  const due = await findOverdue(db, now, batchSize);
  const byOrg = new Map<string, { id: string }[]>();
  for (const row of due) byOrg.set(row.orgId, [...(byOrg.get(row.orgId) ?? []), row]);
  let emitted = 0;
  for (const [orgId, rows] of byOrg) {
    emitted += await withOrgTransaction(db, orgId, async (tx) => {
      const breached = await tx
        .update(r)
        .set({ slaBreachedAt: now })
        .where(
          and(
            eq(r.orgId, orgId),
            inArray(
              r.id,
              rows.map((row) => row.id),
            ),
            overdue(now),
          ),
        )
        .returning();
      for (const row of breached)
        await publish(tx, 'portfolioos.maintenance.MaintenanceSlaBreached', row.id, {
          request_id: row.id,
          organization_id: orgId,
          occurred_at: now.getTime(),
          property_id: row.propertyId,
          unit_id: row.unitId,
          priority: row.priority,
          status: row.status,
          sla_due_at: row.slaDueAt.getTime(),
        });
      return breached.length;
    });
  }
  return emitted;
}

import { and, eq, sql } from 'drizzle-orm';
import type { LeasingDb, LeasingTx } from '../db/database.js';
import { actAsOrganization } from '../db/act-as-organization.js';
import { leases } from '../db/schema.js';
import { statusAfter, type LeaseStatus } from './lifecycle.js';
import { end, start } from './transitions.js';

/** Leases whose day has come in their own time zone: signed ones from their start, running ones after their end. */
const dueAt = (now: Date) => {
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${leases.timeZone})::date`;
  return sql`((${leases.status} = 'signed' and ${leases.startDate} <= ${today})
    or (${leases.status} in ('active', 'notice_given') and ${leases.endDate} < ${today}))`;
};

/** The next due lease of any organization (the lease clock's read-only view past row-level security). */
async function nextDue(tx: LeasingTx, now: Date, skipped: string[]) {
  await tx.execute(sql`select set_config('app.lease_clock', 'on', true)`);
  const [row] = await tx
    .select({ id: leases.id, orgId: leases.orgId })
    .from(leases)
    .where(
      and(
        dueAt(now),
        skipped.length > 0
          ? sql`${leases.id} not in (${sql.join(
              skipped.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`
          : undefined,
      ),
    )
    .orderBy(leases.startDate, leases.id)
    .limit(1);
  await tx.execute(sql`select set_config('app.lease_clock', '', true)`);
  return row;
}

/**
 * Starts and ends every lease whose date has come in its property's time zone, emitting LeaseStarted /
 * LeaseEnded. Each lease is taken in its own transaction, acting as its organization, locked with
 * SKIP LOCKED and re-checked under the lock: two replicas sweeping at once, or a sweep after a crash,
 * move each lease once. A lease that started and ended while no sweep ran is started, then ended.
 * Returns how many transitions it made.
 */
export async function applyDueLeaseDates(db: LeasingDb, now: Date): Promise<number> {
  const skipped: string[] = [];
  let moved = 0;
  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      const due = await nextDue(tx, now, skipped);
      if (!due) return 'none' as const;
      await actAsOrganization(tx, due.orgId);
      const [lease] = await tx
        .select()
        .from(leases)
        .where(and(eq(leases.orgId, due.orgId), eq(leases.id, due.id), dueAt(now)))
        .for('update', { skipLocked: true });
      if (!lease) {
        // Another replica holds it (or just moved it): not ours this sweep.
        skipped.push(due.id);
        return 'skipped' as const;
      }
      const action = lease.status === 'signed' ? 'start' : 'end';
      const t = { tx, lease, to: statusAfter(lease.status as LeaseStatus, action), now };
      await (action === 'start' ? start(t) : end(t));
      return 'moved' as const;
    });
    if (outcome === 'none') return moved;
    if (outcome === 'moved') moved += 1;
  }
}

import { eq } from 'drizzle-orm';
import type { MaintenanceTx } from '../db/database.js';
import { slaPolicies } from '../db/schema.js';
import type { Priority } from '../requests/vocabulary.js';

/** Hours to resolve a request, by priority. */
export type SlaHours = Record<Priority, number>;

/** The defaults of an organization that has not set its own: emergency 24 h, urgent 72 h, routine 7 days. */
export const DEFAULT_SLA_HOURS: SlaHours = { emergency: 24, urgent: 72, routine: 7 * 24 };

/** The organization's SLA hours (its own, or the defaults). */
export async function slaHoursOf(tx: MaintenanceTx, orgId: string): Promise<SlaHours> {
  const [row] = await tx.select().from(slaPolicies).where(eq(slaPolicies.orgId, orgId));
  if (!row) return DEFAULT_SLA_HOURS;
  return { emergency: row.emergencyHours, urgent: row.urgentHours, routine: row.routineHours };
}

/** When a request filed at `filedAt` with `priority` must be resolved. */
export const slaDueAt = (hours: SlaHours, priority: Priority, filedAt: Date): Date =>
  new Date(filedAt.getTime() + hours[priority] * 3_600_000);

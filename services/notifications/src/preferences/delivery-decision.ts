import { and, eq } from 'drizzle-orm';
import type { NotificationsTx } from '../db/database.js';
import { preferences, quietHours, smsOptOuts } from '../db/schema.js';
import { isMandatory, type Category, type Channel } from '../routing/channels.js';
import { smsAllowedAt } from './quiet-hours.js';

/** What the recipient's choices make of one planned notification. */
export interface DeliveryDecision {
  suppressed: boolean;
  /** When it may go (quiet hours delay SMS); undefined: now. */
  dueAt?: Date;
}

/**
 * The recipient's choices applied, in the planner's transaction: a number that texted STOP gets no SMS
 * (carriers enforce it, whatever the category); a switched-off category is not sent unless it is security
 * or legal; an SMS in quiet hours waits for their end in the recipient's zone (or the organization's).
 */
export async function decideDelivery(
  tx: NotificationsTx,
  n: { orgId: string; userId: string | null; category: Category; channel: Channel; address: string | null },
  orgTimeZone: string,
  now: Date,
): Promise<DeliveryDecision> {
  if (n.channel === 'sms' && n.address) {
    const [stopped] = await tx.select().from(smsOptOuts).where(eq(smsOptOuts.phone, n.address));
    if (stopped) return { suppressed: true };
  }
  if (!n.userId) return { suppressed: false };
  if (!isMandatory(n.category)) {
    const [choice] = await tx
      .select({ enabled: preferences.enabled })
      .from(preferences)
      .where(
        and(
          eq(preferences.orgId, n.orgId),
          eq(preferences.userId, n.userId),
          eq(preferences.category, n.category),
          eq(preferences.channel, n.channel),
        ),
      );
    if (choice && !choice.enabled) return { suppressed: true };
  }
  if (n.channel !== 'sms') return { suppressed: false };
  const [window] = await tx
    .select()
    .from(quietHours)
    .where(and(eq(quietHours.orgId, n.orgId), eq(quietHours.userId, n.userId)));
  if (!window) return { suppressed: false };
  const dueAt = smsAllowedAt(now, { ...window, timeZone: window.timeZone ?? orgTimeZone });
  return dueAt > now ? { suppressed: false, dueAt } : { suppressed: false };
}

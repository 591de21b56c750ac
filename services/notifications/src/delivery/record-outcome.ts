import { withOrgTransaction } from '@portfolioos/db';
import { backoffDelay } from '@portfolioos/events';
import { count, eq, sql } from 'drizzle-orm';
import type { NotificationsDb, NotificationsTx } from '../db/database.js';
import { deliveryAttempts, deliveryQueue, notifications } from '../db/schema.js';
import { eventChannel, publish } from '../outbox.js';
import type { ProviderFailureKind } from '../providers/provider-error.js';
import type { NotificationRow } from './notification-row.js';

/** What one hand-over came to. */
export type DeliveryOutcome =
  | { kind: 'sent'; providerMessageId: string | null }
  | { kind: ProviderFailureKind; code: string | null; message: string };

export interface RetryPolicy {
  retryMinMs: number;
  retryMaxMs: number;
  /** Provider errors tolerated before the notification is marked failed (outages do not count). */
  maxAttempts: number;
}

/**
 * Records an attempt and its consequence in one transaction: sent (out of the queue, NotificationDelivered),
 * retried later with backoff (an outage never counts towards giving up), or failed for good
 * (NotificationFailed, permanent). Only this notification fails; the event that caused it was applied long ago.
 */
export async function recordOutcome(
  db: NotificationsDb,
  row: NotificationRow,
  outcome: DeliveryOutcome,
  policy: RetryPolicy,
): Promise<void> {
  await withOrgTransaction(db, row.orgId, async (tx) => {
    const [done] = await tx
      .select({ attempts: count() })
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.notificationId, row.id));
    const attempt = (done?.attempts ?? 0) + 1;
    const base = { organization_id: row.orgId, occurred_at: Date.now(), notification_id: row.id };
    const event = {
      ...base,
      recipient_user_id: row.recipientUserId,
      channel: eventChannel(row.channel),
      attempt,
    };
    if (outcome.kind === 'sent') {
      await attemptRow(tx, row, attempt, 'sent', outcome.providerMessageId, null, null);
      await tx
        .update(notifications)
        .set({ status: 'sent', providerMessageId: outcome.providerMessageId })
        .where(eq(notifications.id, row.id));
      await tx.delete(deliveryQueue).where(eq(deliveryQueue.notificationId, row.id));
      await publish(tx, 'portfolioos.notifications.NotificationDelivered', row.id, {
        ...event,
        provider_message_id: outcome.providerMessageId,
      });
      return;
    }
    const failures = row.failures + (outcome.kind === 'unreachable' ? 0 : 1);
    const giveUp = outcome.kind === 'permanent' || failures >= policy.maxAttempts;
    const label = outcome.kind === 'unreachable' ? 'unreachable' : giveUp ? 'failed' : 'retry';
    await attemptRow(tx, row, attempt, label, null, outcome.code, outcome.message);
    await tx
      .update(notifications)
      .set({ failures, ...(giveUp ? { status: 'failed' as const } : {}) })
      .where(eq(notifications.id, row.id));
    if (giveUp) await tx.delete(deliveryQueue).where(eq(deliveryQueue.notificationId, row.id));
    else
      await tx
        .update(deliveryQueue)
        .set({
          dueAt: sql`now() + make_interval(secs => ${backoffDelay(attempt - 1, policy.retryMinMs, policy.retryMaxMs) / 1000})`,
        })
        .where(eq(deliveryQueue.notificationId, row.id));
    if (outcome.kind !== 'unreachable')
      await publish(tx, 'portfolioos.notifications.NotificationFailed', row.id, {
        ...event,
        permanent: giveUp,
        error_code: outcome.code,
        error_message: outcome.message.slice(0, 1000),
      });
  });
}

function attemptRow(
  tx: NotificationsTx,
  row: NotificationRow,
  attempt: number,
  outcome: 'sent' | 'retry' | 'failed' | 'unreachable',
  providerMessageId: string | null,
  errorCode: string | null,
  errorMessage: string | null,
) {
  return tx.insert(deliveryAttempts).values({
    orgId: row.orgId,
    notificationId: row.id,
    attempt,
    outcome,
    providerMessageId,
    errorCode,
    errorMessage: errorMessage?.slice(0, 1000) ?? null,
  });
}

import { withOrgTransaction } from '@portfolioos/db';
import { eq } from 'drizzle-orm';
import type { NotificationsDb } from '../db/database.js';
import { deliveryQueue, notifications, organizations } from '../db/schema.js';
import type { EmailProvider } from '../providers/email-provider.js';
import type { InvitationLinks } from '../providers/identity-links.js';
import { ProviderError } from '../providers/provider-error.js';
import type { SmsProvider } from '../providers/sms-provider.js';
import { composeMessage, type MessageLinks } from './compose-message.js';
import type { ClaimedDelivery } from './delivery-queue.js';
import type { NotificationRow } from './notification-row.js';
import { recordOutcome, type DeliveryOutcome, type RetryPolicy } from './record-outcome.js';

/** What delivering needs: the providers behind their ports, identity's link minting, the policy. */
export interface DeliveryDeps {
  db: NotificationsDb;
  email: EmailProvider;
  sms: SmsProvider;
  invitationLinks: InvitationLinks;
  /** The signed one-click unsubscribe link for a notification, when its category can be switched off. */
  unsubscribeUrl?: (row: NotificationRow) => Promise<string | undefined>;
  settings: RetryPolicy & { publicBaseUrl: string; fromName: string };
}

/** Hands one claimed e-mail/SMS to its provider and records what came of it. */
export async function deliverNotification(deps: DeliveryDeps, claim: ClaimedDelivery): Promise<void> {
  const loaded = await withOrgTransaction(deps.db, claim.orgId, async (tx) => {
    const [row] = await tx.select().from(notifications).where(eq(notifications.id, claim.notificationId));
    const [org] = await tx.select({ name: organizations.name }).from(organizations);
    if (!row || row.status !== 'pending')
      await tx.delete(deliveryQueue).where(eq(deliveryQueue.notificationId, claim.notificationId));
    return row?.status === 'pending' ? { row, orgName: org?.name } : undefined;
  });
  if (!loaded) return;
  const outcome = await handOver(deps, loaded.row, loaded.orgName);
  await recordOutcome(deps.db, loaded.row, outcome, deps.settings);
}

async function handOver(
  deps: DeliveryDeps,
  row: NotificationRow,
  knownOrgName: string | undefined,
): Promise<DeliveryOutcome> {
  const orgName = knownOrgName ?? (typeof row.data.orgName === 'string' ? row.data.orgName : 'PortfolioOS');
  try {
    const links: MessageLinks = { publicBaseUrl: deps.settings.publicBaseUrl };
    if (row.template === 'invitation.created' && typeof row.data.invitationId === 'string')
      links.acceptUrl = await deps.invitationLinks.acceptUrl(row.data.invitationId);
    const unsubscribeUrl = row.channel === 'email' ? await deps.unsubscribeUrl?.(row) : undefined;
    if (unsubscribeUrl) links.unsubscribeUrl = unsubscribeUrl;
    const message = composeMessage(row, orgName, links);
    const sent =
      row.channel === 'email'
        ? await deps.email.send({
            to: {
              email: row.address!,
              name: typeof row.data.recipientName === 'string' ? row.data.recipientName : null,
            },
            fromName: `${orgName} via ${deps.settings.fromName}`,
            subject: message.subject,
            html: message.html,
            text: message.text,
            category: row.template,
            ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
          })
        : await deps.sms.send({ to: row.address!, body: message.sms });
    return { kind: 'sent', providerMessageId: sent.providerMessageId };
  } catch (error) {
    if (error instanceof ProviderError) return { kind: error.kind, code: error.code, message: error.message };
    return { kind: 'retryable', code: null, message: error instanceof Error ? error.message : String(error) };
  }
}

import type { ConsumedEvent } from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import { actAsOrganization } from '../db/act-as-organization.js';
import type { NotificationsTx } from '../db/database.js';
import { Directory } from '../directory/directory.js';
import type { Channel } from '../routing/channels.js';
import type { Recipient } from '../routing/recipient.js';
import { WIRED_ROUTES, type Audience } from '../routing/wired-routes.js';
import { render, resolveLocale } from '../templates/catalog.js';
import { decideDelivery } from '../preferences/delivery-decision.js';
import { recordNotification, type NewNotification } from './record-notification.js';

/** What the planner needs besides the event: where links point. */
export interface NotifySettings {
  publicBaseUrl: string;
  /**
   * Older routed events apply to the directory only and notify nobody: a new consumer group reads the
   * whole history (the directory needs it), and nobody should get last year's invitations.
   */
  maxEventAgeMs: number;
}

/** Falls back to the name an event carries, for an organization whose own event has not arrived yet. */
const orgNameOf = (payload: object): string | undefined =>
  'organization_name' in payload && typeof payload.organization_name === 'string'
    ? payload.organization_name
    : undefined;

/**
 * A routed event arrived: one notification per (event, recipient, channel), recorded in the consumer's
 * transaction beside its inbox row. Redelivery finds them already there and records nothing more.
 */
export async function notifyForEvent<T extends keyof EventPayloads>(
  event: ConsumedEvent<EventPayloads, T>,
  tx: NotificationsTx,
  settings: NotifySettings,
): Promise<void> {
  const audiences = WIRED_ROUTES[event.type] as readonly Audience<T>[] | undefined;
  const orgId = event.envelope.organizationId;
  if (!audiences || !orgId) return;
  if (Date.now() - event.envelope.occurredAt.getTime() > settings.maxEventAgeMs) return;
  await actAsOrganization(tx, orgId);
  const directory = new Directory(tx, orgId);
  const org = await directory.organization();
  const orgName = org?.name ?? orgNameOf(event.payload) ?? 'PortfolioOS';
  const orgTimeZone = org?.timeZone ?? 'UTC';
  const now = new Date();
  for (const audience of audiences) {
    const eventData = audience.data(event.payload);
    for (const recipient of await audience.recipients(event.payload, directory)) {
      // The names go with the data: the e-mail is rendered at send time, maybe before the directory knows them.
      const data = { ...eventData, orgName, recipientName: recipient.name };
      for (const channel of audience.channels) {
        const address = addressFor(recipient, channel);
        if (address === undefined) continue;
        const locale = resolveLocale(recipient.locale);
        const inApp = render(audience.template, locale, data, {
          orgName,
          recipientName: recipient.name,
          appUrl: (path) => new URL(path, settings.publicBaseUrl).toString(),
        });
        const row: NewNotification = {
          orgId,
          causeEventId: event.envelope.eventId,
          causeEventType: event.type,
          recipient,
          channel,
          address,
          template: audience.template,
          category: audience.category,
          locale,
          data,
          title: inApp.title,
          body: inApp.body,
          link: inApp.link,
        };
        const decision = await decideDelivery(
          tx,
          { orgId, userId: recipient.userId, category: audience.category, channel, address },
          orgTimeZone,
          now,
        );
        await recordNotification(tx, { ...row, ...decision });
      }
    }
  }
}

/** The address a channel needs (null for in-app, which needs an account); undefined: not reachable so. */
function addressFor(recipient: Recipient, channel: Channel): string | null | undefined {
  if (channel === 'email') return recipient.email ?? undefined;
  if (channel === 'sms') return recipient.phone ?? undefined;
  return recipient.userId ? null : undefined;
}

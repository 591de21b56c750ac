import { render } from '../templates/catalog.js';
import type { RenderedMessage, TemplateData, TemplateKey } from '../templates/template-data.js';
import type { NotificationRow } from './notification-row.js';

/** What composing a message may need from outside: links minted or signed at send time. */
export interface MessageLinks {
  publicBaseUrl: string;
  acceptUrl?: string;
  unsubscribeUrl?: string;
}

/** Renders a queued notification's template for sending, with the links of this attempt. */
export function composeMessage(row: NotificationRow, orgName: string, links: MessageLinks): RenderedMessage {
  return render(row.template as TemplateKey, row.locale, row.data as TemplateData[TemplateKey], {
    orgName,
    recipientName: typeof row.data.recipientName === 'string' ? row.data.recipientName : null,
    appUrl: (path) => new URL(path, links.publicBaseUrl).toString(),
    ...(links.acceptUrl ? { acceptUrl: links.acceptUrl } : {}),
    ...(links.unsubscribeUrl ? { unsubscribeUrl: links.unsubscribeUrl } : {}),
  });
}

import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * DocuSign Connect notifications applied, by the SHA-256 of their body: a redelivery (Connect retries
 * until it gets a 200) is recognised and applied once. Outside row-level security like the outbox: it
 * is written before the notification's organization is trusted.
 */
export const docusignConnectDeliveries = pgTable('docusign_connect_deliveries', {
  bodySha256: text('body_sha256').primaryKey(),
  envelopeId: text('envelope_id').notNull(),
  leaseId: uuid('lease_id'),
  event: text('event').notNull(),
  receivedAt: createdAt('received_at'),
});

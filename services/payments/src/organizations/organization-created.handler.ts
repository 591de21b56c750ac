import { sql } from 'drizzle-orm';
import type { OrganizationCreated } from '@portfolioos/schemas';
import type { PaymentsTx } from '../db/database.js';
import { organizations } from '../db/schema.js';

/**
 * identity created an organization: remember it here. The row is written as that organization
 * (row-level security checks it) in the consumer's transaction, beside its inbox row, so a redelivered
 * event changes nothing.
 */
export async function onOrganizationCreated(event: OrganizationCreated, tx: PaymentsTx): Promise<void> {
  await tx.execute(sql`select set_config('app.org_id', ${event.organization_id}, true)`);
  await tx
    .insert(organizations)
    .values({ id: event.organization_id, name: event.name, createdAt: new Date(event.occurred_at) })
    .onConflictDoNothing();
}

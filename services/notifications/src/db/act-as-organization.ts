import { sql } from 'drizzle-orm';
import type { NotificationsTx } from './database.js';

/** Scopes a consumer's transaction to the event's organization, so row-level security checks its writes. */
export async function actAsOrganization(tx: NotificationsTx, orgId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.org_id', ${orgId}, true)`);
}

import { sql } from 'drizzle-orm';
import type { Principal } from '@portfolioos/service-kit';
import { inCallerOrg } from '../access.js';
import type { PaymentsDb, PaymentsTx } from '../db/database.js';
import { storedResponse, storeResponse, type KeyedResponse } from '../idempotency.js';

/**
 * Runs a money-creating operation once per Idempotency-Key: the same key and body get the first response
 * again, a different body a 422. The key's advisory lock makes a concurrent retry wait for the first
 * attempt and then read its stored response; the response is stored in the operation's own transaction.
 */
export function keyedOperation(
  db: PaymentsDb,
  principal: Principal | null,
  key: { key: string; hash: string },
  operation: (tx: PaymentsTx, orgId: string) => Promise<KeyedResponse>,
): Promise<KeyedResponse> {
  return inCallerOrg(db, principal, async (tx, orgId) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${orgId}/${key.key}`}, 0))`);
    const stored = await storedResponse(tx, orgId, key.key, key.hash);
    if (stored) return stored;
    const response = await operation(tx, orgId);
    await storeResponse(tx, orgId, key.key, key.hash, response);
    return response;
  });
}

import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { badRequest, unprocessable } from '@portfolioos/service-kit';
import type { PaymentsTx } from './db/database.js';
import { idempotencyKeys } from './db/schema.js';

/** A stored or fresh response of a money-creating POST. */
export interface KeyedResponse {
  statusCode: number;
  body: unknown;
}

/** JSON with object keys sorted, so the same body hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The fingerprint of a request: its route and its body. */
export const requestHash = (route: string, body: unknown) =>
  createHash('sha256')
    .update(`${route}\n${canonical(body ?? null)}`)
    .digest('hex');

export function requireKey(key: string | undefined): string {
  if (!key)
    throw badRequest(
      'This request creates money records: send an Idempotency-Key header.',
      'idempotency-key-required',
    );
  return key;
}

/**
 * The response already given for `key`, if any; a different request under the same key is a 422. Runs in
 * the operation's transaction, before it, so a replay changes nothing.
 */
export async function storedResponse(
  tx: PaymentsTx,
  orgId: string,
  key: string,
  hash: string,
): Promise<KeyedResponse | undefined> {
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
  if (!row) return undefined;
  if (row.requestHash !== hash)
    throw unprocessable('This Idempotency-Key was used for a different request.', 'idempotency-key-reused');
  return { statusCode: row.statusCode, body: row.response };
}

/**
 * Records the response under `key` in the operation's transaction. A concurrent request with the same key
 * fails here on the primary key (23505) and is retried by the caller, then finds this response.
 */
export async function storeResponse(
  tx: PaymentsTx,
  orgId: string,
  key: string,
  hash: string,
  response: KeyedResponse,
): Promise<void> {
  await tx.insert(idempotencyKeys).values({
    orgId,
    key,
    requestHash: hash,
    statusCode: response.statusCode,
    response: response.body as object,
  });
}

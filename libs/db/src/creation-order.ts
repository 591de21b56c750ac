import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Rows after a cursor position in (created_at, id) order; undefined without a cursor. The position is
 * service-kit's creation-order cursor (`positionAfter`), whose pages `creationOrderPage` cuts.
 */
export function afterPosition(
  columns: { createdAt: PgColumn; id: PgColumn },
  after: { at: string; id: string } | undefined,
): SQL | undefined {
  if (!after) return undefined;
  const at = new Date(after.at);
  return or(gt(columns.createdAt, at), and(eq(columns.createdAt, at), gt(columns.id, after.id)));
}

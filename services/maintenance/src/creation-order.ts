import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CursorPosition } from './http-schemas.js';

/** Rows after a cursor position in (created_at, id) order; undefined without a cursor. */
export function afterPosition(
  columns: { createdAt: PgColumn; id: PgColumn },
  after: CursorPosition | undefined,
): SQL | undefined {
  if (!after) return undefined;
  const at = new Date(after.at);
  return or(gt(columns.createdAt, at), and(eq(columns.createdAt, at), gt(columns.id, after.id)));
}

import { and, eq, isNull, sql } from 'drizzle-orm';
import type { IdentityTx } from '../db/database.js';
import { refreshTokens, sessions } from '../db/schema.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(
  tx: IdentityTx,
  session: typeof sessions.$inferInsert,
): Promise<SessionRow> {
  const [row] = await tx.insert(sessions).values(session).returning();
  return row!;
}

export async function insertRefreshToken(
  tx: IdentityTx,
  sessionId: string,
  tokenHash: string,
): Promise<void> {
  await tx.insert(refreshTokens).values({ sessionId, tokenHash });
}

/** The refresh token with this hash and its session, the session row locked for the rotation. */
export async function findRefreshTokenForUpdate(tx: IdentityTx, tokenHash: string) {
  const [row] = await tx
    .select({ token: refreshTokens, session: sessions })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update', { of: sessions });
  return row;
}

export async function markRotated(tx: IdentityTx, tokenId: string): Promise<void> {
  await tx.update(refreshTokens).set({ rotatedAt: new Date() }).where(eq(refreshTokens.id, tokenId));
}

/** Ends a refresh-token family; every token rotated from it stops working. */
export async function revokeSession(tx: IdentityTx, sessionId: string, reason: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

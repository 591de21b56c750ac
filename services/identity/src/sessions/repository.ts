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

/**
 * The refresh token with this hash and its session, both rows locked: a concurrent refresh of the same token
 * waits, then reads the token as it was committed (rotated), so it is handled as reuse.
 */
export async function findRefreshTokenForUpdate(tx: IdentityTx, tokenHash: string) {
  const [row] = await tx
    .select({ token: refreshTokens, session: sessions })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update', { of: [refreshTokens, sessions] });
  return row;
}

/**
 * Marks the token rotated if, and only if, nobody has yet: one conditional write, so of concurrent
 * refreshes of one token exactly one sees `true` even without the row lock above (PostgreSQL re-checks the
 * condition against the committed row). Locking only the session, which rotation never changes, let two
 * concurrent refreshes both read the token as unrotated and both rotate it (issue #10).
 */
export async function claimRotation(tx: IdentityTx, tokenId: string): Promise<boolean> {
  const claimed = await tx
    .update(refreshTokens)
    .set({ rotatedAt: sql`now()` })
    .where(and(eq(refreshTokens.id, tokenId), isNull(refreshTokens.rotatedAt)))
    .returning({ id: refreshTokens.id });
  return claimed.length === 1;
}

/** Ends a refresh-token family; every token rotated from it stops working. */
export async function revokeSession(tx: IdentityTx, sessionId: string, reason: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

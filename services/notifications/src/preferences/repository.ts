import { and, eq, sql } from 'drizzle-orm';
import type { Person } from '../access.js';
import type { NotificationsTx } from '../db/database.js';
import { preferences, quietHours } from '../db/schema.js';

export function listSwitches(tx: NotificationsTx, person: Person) {
  return tx
    .select({ category: preferences.category, channel: preferences.channel, enabled: preferences.enabled })
    .from(preferences)
    .where(and(eq(preferences.orgId, person.orgId), eq(preferences.userId, person.userId)));
}

export async function setSwitch(
  tx: NotificationsTx,
  person: Person,
  choice: { category: string; channel: string; enabled: boolean },
): Promise<void> {
  await tx
    .insert(preferences)
    .values({ orgId: person.orgId, userId: person.userId, ...choice })
    .onConflictDoUpdate({
      target: [preferences.orgId, preferences.userId, preferences.category, preferences.channel],
      set: { enabled: choice.enabled, updatedAt: sql`now()` },
    });
}

export async function findQuietHours(tx: NotificationsTx, person: Person) {
  const [row] = await tx
    .select()
    .from(quietHours)
    .where(and(eq(quietHours.orgId, person.orgId), eq(quietHours.userId, person.userId)));
  return row;
}

export async function setQuietHours(
  tx: NotificationsTx,
  person: Person,
  window: { startMinute: number; endMinute: number; timeZone: string | null } | null,
): Promise<void> {
  const mine = and(eq(quietHours.orgId, person.orgId), eq(quietHours.userId, person.userId));
  if (!window) {
    await tx.delete(quietHours).where(mine);
    return;
  }
  await tx
    .insert(quietHours)
    .values({ orgId: person.orgId, userId: person.userId, ...window })
    .onConflictDoUpdate({ target: [quietHours.orgId, quietHours.userId], set: window });
}

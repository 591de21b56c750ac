import { eq, sql } from 'drizzle-orm';
import type { UserDeactivated, UserProfileUpdated, UserRegistered } from '@portfolioos/schemas';
import type { NotificationsTx } from '../db/database.js';
import { people } from '../db/schema.js';

/**
 * identity registered a user or changed their profile (the full profile, not a diff): the address,
 * phone and locale messages go to. An older event arriving late never overwrites a newer profile.
 */
export async function onPersonChanged(
  event: UserRegistered | UserProfileUpdated,
  tx: NotificationsTx,
): Promise<void> {
  const locale = 'locale' in event ? event.locale : null;
  await tx
    .insert(people)
    .values({
      userId: event.user_id,
      email: event.email.toLowerCase(),
      displayName: event.display_name,
      phone: event.phone,
      locale,
      updatedAt: new Date(event.occurred_at),
    })
    .onConflictDoUpdate({
      target: people.userId,
      set: {
        email: sql`excluded.email`,
        displayName: sql`excluded.display_name`,
        phone: sql`excluded.phone`,
        locale: sql`coalesce(excluded.locale, ${people.locale})`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`${people.updatedAt} <= excluded.updated_at`,
    });
}

/** A deactivated account is told nothing more (its address may have been handed over). */
export async function onPersonDeactivated(event: UserDeactivated, tx: NotificationsTx): Promise<void> {
  await tx.update(people).set({ deactivated: true }).where(eq(people.userId, event.user_id));
}

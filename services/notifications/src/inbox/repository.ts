import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { CreationOrderPosition } from '@portfolioos/service-kit';
import type { Person } from '../access.js';
import type { NotificationsTx } from '../db/database.js';
import { notifications } from '../db/schema.js';

const n = notifications;
const inboxOf = (person: Person): SQL =>
  and(eq(n.orgId, person.orgId), eq(n.recipientUserId, person.userId), eq(n.channel, 'in_app'))!;

/** Before a cursor position in newest-first (created_at, id) order. */
const before = (position: CreationOrderPosition) => {
  const at = new Date(position.at);
  return or(lt(n.createdAt, at), and(eq(n.createdAt, at), lt(n.id, position.id)));
};

/** A page of the person's in-app notifications, newest first. */
export function listInbox(
  tx: NotificationsTx,
  person: Person,
  filter: { unread: boolean; limit: number; after: CreationOrderPosition | undefined },
) {
  return tx
    .select()
    .from(n)
    .where(
      and(
        inboxOf(person),
        filter.unread ? isNull(n.readAt) : undefined,
        filter.after && before(filter.after),
      ),
    )
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(filter.limit);
}

export async function countUnread(tx: NotificationsTx, person: Person): Promise<number> {
  const [row] = await tx
    .select({ unread: count() })
    .from(n)
    .where(and(inboxOf(person), isNull(n.readAt)));
  return row?.unread ?? 0;
}

/** Marks one (or, without `id`, every) unread notification of the person read; returns those it changed. */
export function markRead(tx: NotificationsTx, person: Person, readAt: Date, id?: string) {
  return tx
    .update(n)
    .set({ readAt })
    .where(and(inboxOf(person), isNull(n.readAt), id ? eq(n.id, id) : undefined))
    .returning({ id: n.id });
}

export async function findInInbox(tx: NotificationsTx, person: Person, id: string) {
  const [row] = await tx
    .select()
    .from(n)
    .where(and(inboxOf(person), eq(n.id, id)));
  return row;
}

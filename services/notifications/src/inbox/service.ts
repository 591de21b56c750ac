import { notFound, type CreationOrderPosition, type Principal } from '@portfolioos/service-kit';
import { asPerson, type Person } from '../access.js';
import type { NotificationsDb, NotificationsTx } from '../db/database.js';
import { publish } from '../outbox.js';
import { countUnread, findInInbox, listInbox, markRead } from './repository.js';

/** The in-app inbox of the calling person: list, unread count, mark read. */
export class InboxService {
  constructor(private readonly db: NotificationsDb) {}

  list(
    principal: Principal | null,
    filter: { unread: boolean; limit: number; after?: CreationOrderPosition },
  ) {
    return asPerson(this.db, principal, (tx, person) =>
      listInbox(tx, person, { ...filter, after: filter.after }),
    );
  }

  unreadCount(principal: Principal | null) {
    return asPerson(this.db, principal, (tx, person) => countUnread(tx, person));
  }

  /** Marks one notification read (again: no change); someone else's is not found. */
  markOneRead(principal: Principal | null, id: string) {
    return asPerson(this.db, principal, async (tx, person) => {
      const changed = await markRead(tx, person, new Date(), id);
      await announceRead(tx, person, changed);
      const row = await findInInbox(tx, person, id);
      if (!row) throw notFound();
      return row;
    });
  }

  markAllRead(principal: Principal | null) {
    return asPerson(this.db, principal, async (tx, person) => {
      const changed = await markRead(tx, person, new Date());
      await announceRead(tx, person, changed);
      return changed.length;
    });
  }
}

/** NotificationRead for each newly read one, so the person's other devices clear it (realtime). */
async function announceRead(tx: NotificationsTx, person: Person, read: { id: string }[]) {
  const occurred_at = Date.now();
  for (const { id } of read)
    await publish(tx, 'portfolioos.notifications.NotificationRead', id, {
      notification_id: id,
      organization_id: person.orgId,
      occurred_at,
      recipient_user_id: person.userId,
    });
}

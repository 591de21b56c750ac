import { Type } from '@sinclair/typebox';
import { creationOrderPage, page, positionAfter, type ServicePlugin } from '@portfolioos/service-kit';
import { members } from '../access.js';
import type { NotificationRow } from '../delivery/notification-row.js';
import { errors, inboxQuery, markedSchema, notificationSchema, unreadCountSchema, uuid } from './schemas.js';
import type { InboxService } from './service.js';

const tags = ['notifications'];

const toJson = (row: NotificationRow) => ({
  id: row.id,
  template: row.template,
  category: row.category,
  title: row.title,
  body: row.body,
  link: row.link,
  read_at: row.readAt?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
});

/** /v1/notifications: the calling person's in-app inbox (only their own notifications exist for them). */
export function inboxRoutes(inbox: InboxService): ServicePlugin {
  return async (app) => {
    app.get(
      '/',
      {
        config: members,
        schema: {
          tags,
          summary: 'My notifications, newest first',
          querystring: inboxQuery,
          response: { 200: page(notificationSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor, unread } = request.query;
        const rows = await inbox.list(request.principal, {
          limit,
          unread: unread ?? false,
          after: positionAfter(cursor),
        });
        return creationOrderPage(rows, limit, toJson);
      },
    );
    app.get(
      '/unread-count',
      {
        config: members,
        schema: {
          tags,
          summary: 'How many of my notifications are unread',
          response: { 200: unreadCountSchema, ...errors },
        },
      },
      async (request) => ({ unread: await inbox.unreadCount(request.principal) }),
    );
    app.post(
      '/:id/read',
      {
        config: members,
        schema: {
          tags,
          summary: 'Mark one of my notifications read',
          params: Type.Object({ id: uuid }),
          response: { 200: notificationSchema, ...errors },
        },
      },
      async (request) => toJson(await inbox.markOneRead(request.principal, request.params.id)),
    );
    app.post(
      '/read-all',
      {
        config: members,
        schema: {
          tags,
          summary: 'Mark all my notifications read',
          response: { 200: markedSchema, ...errors },
        },
      },
      async (request) => ({ marked: await inbox.markAllRead(request.principal) }),
    );
  };
}

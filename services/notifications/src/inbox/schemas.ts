import { Type } from '@sinclair/typebox';
import { paginationQuery, problemSchema } from '@portfolioos/service-kit';

export const uuid = Type.String({ format: 'uuid' });
const timestamp = Type.String({ format: 'date-time' });
const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** One in-app notification as its recipient sees it. */
export const notificationSchema = Type.Object({
  id: uuid,
  template: Type.String({ description: 'What it is about (e.g. lease.signed)' }),
  category: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: nullable(Type.String({ description: 'App path it opens' })),
  read_at: nullable(timestamp),
  created_at: timestamp,
});

export const inboxQuery = Type.Object(
  {
    ...paginationQuery.properties,
    unread: Type.Optional(Type.Boolean({ description: 'Only notifications not read yet' })),
  },
  { additionalProperties: false },
);

export const unreadCountSchema = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export const markedSchema = Type.Object({ marked: Type.Integer({ minimum: 0 }) });

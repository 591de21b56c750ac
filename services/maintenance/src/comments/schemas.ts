import { Type, type Static } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { timestamp, uuid } from '../http-schemas.js';

export const commentBody = strictObject({
  body: Text({ minLength: 1, maxLength: 4000 }),
  internal: Type.Optional(
    Type.Boolean({ default: false, description: 'A staff-only note, never shown to the tenant' }),
  ),
});
export type CommentBody = Static<typeof commentBody>;

export const commentSchema = Type.Object({
  id: uuid,
  request_id: uuid,
  author_user_id: uuid,
  author_role: Type.Union([Type.Literal('tenant'), Type.Literal('staff')]),
  body: Type.String(),
  internal: Type.Boolean(),
  created_at: timestamp,
});

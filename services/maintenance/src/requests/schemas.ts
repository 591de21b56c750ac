import { Type, type Static } from '@sinclair/typebox';
import { Cursor, IsoDateTime, Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { nullable, oneOf, timestamp, uuid } from '../http-schemas.js';
import { CATEGORIES, PRIORITIES, RESOLUTIONS, STATUSES } from './vocabulary.js';

const availabilityWindow = strictObject({
  starts_at: IsoDateTime(),
  ends_at: IsoDateTime({ description: 'After starts_at' }),
});

export const requestBody = strictObject({
  unit_id: Type.Optional(
    Type.String({ format: 'uuid', description: 'The unit; a tenant must lease it today' }),
  ),
  property_id: Type.Optional(
    Type.String({ format: 'uuid', description: 'For a common area (staff only, without unit_id)' }),
  ),
  category: oneOf(CATEGORIES),
  priority: oneOf(PRIORITIES),
  title: Text({ minLength: 1, maxLength: 120 }),
  description: Text({ minLength: 1, maxLength: 4000 }),
  permission_to_enter: Type.Boolean(),
  availability: Type.Optional(Type.Array(availabilityWindow, { maxItems: 10, default: [] })),
});
export type RequestBody = Static<typeof requestBody>;

export const requestSchema = Type.Object({
  id: uuid,
  property_id: uuid,
  unit_id: nullable(uuid),
  lease_id: nullable(uuid),
  submitted_by_user_id: uuid,
  submitted_as: Type.Union([Type.Literal('tenant'), Type.Literal('staff')]),
  category: oneOf(CATEGORIES),
  priority: oneOf(PRIORITIES),
  title: Type.String(),
  description: Type.String(),
  permission_to_enter: Type.Boolean(),
  availability: Type.Array(Type.Object({ starts_at: timestamp, ends_at: timestamp })),
  status: oneOf(STATUSES),
  status_note: nullable(Type.String()),
  sla_due_at: timestamp,
  sla_breached_at: nullable(timestamp),
  completed_at: nullable(timestamp),
  closed_at: nullable(timestamp),
  created_at: timestamp,
  updated_at: timestamp,
});

export const requestQuery = strictObject({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Cursor({ maxLength: 1024 })),
  status: Type.Optional(oneOf(STATUSES)),
  priority: Type.Optional(oneOf(PRIORITIES)),
  unit_id: Type.Optional(uuid),
});

/** The note any transition may carry (shown to the reporter). */
export const transitionBody = strictObject({ note: Type.Optional(Text({ minLength: 1, maxLength: 2000 })) });
export type TransitionBody = Static<typeof transitionBody>;

export const closeBody = strictObject({
  resolution: Type.Optional(oneOf(RESOLUTIONS)),
  note: Type.Optional(Text({ minLength: 1, maxLength: 2000 })),
});
export type CloseBody = Static<typeof closeBody>;

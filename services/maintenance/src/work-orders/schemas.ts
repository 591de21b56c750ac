import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { currency, minorUnits, nullable, oneOf, timestamp, uuid } from '../http-schemas.js';
import { CATEGORIES, PRIORITIES } from '../requests/vocabulary.js';
import { WORK_ORDER_STATUSES } from './lifecycle.js';

const note = Text({ minLength: 1, maxLength: 4000 });

export const workOrderBody = strictObject({
  request_id: Type.Optional(
    Type.String({ format: 'uuid', description: 'The request it serves (its unit and trade)' }),
  ),
  unit_id: Type.Optional(Type.String({ format: 'uuid', description: 'Standalone: the unit' })),
  property_id: Type.Optional(Type.String({ format: 'uuid', description: 'Standalone: a common area' })),
  vendor_id: uuid,
  category: Type.Optional(oneOf(CATEGORIES)),
  priority: Type.Optional(oneOf(PRIORITIES)),
  title: Text({ minLength: 1, maxLength: 120 }),
  instructions: note,
  access_details: Type.Optional(
    Text({ minLength: 1, maxLength: 2000, description: 'Shown to the assigned vendor only' }),
  ),
  window_start: Type.Optional(IsoDateTime()),
  window_end: Type.Optional(IsoDateTime()),
  not_to_exceed_minor: Type.Optional(minorUnits),
  currency,
});
export type WorkOrderBody = Static<typeof workOrderBody>;

export const scheduleBody = strictObject({
  window_start: IsoDateTime(),
  window_end: Type.Optional(IsoDateTime()),
  notes: Type.Optional(note),
});
export type ScheduleBody = Static<typeof scheduleBody>;

export const notesBody = strictObject({ notes: Type.Optional(note) });
export type NotesBody = Static<typeof notesBody>;

export const completionBody = strictObject({
  notes: note,
  labor_minutes: Type.Integer({ minimum: 0, maximum: 100_000 }),
  labor_cost_minor: minorUnits,
  materials: Type.Array(
    strictObject({ description: Text({ minLength: 1, maxLength: 200 }), cost_minor: minorUnits }),
    {
      maxItems: 100,
    },
  ),
  invoice_amount_minor: Type.Integer({
    minimum: 0,
    maximum: 1e12,
    description: 'Integer minor units; must equal labor plus materials',
  }),
});
export type CompletionBody = Static<typeof completionBody>;

export const workOrderSchema = Type.Object({
  id: uuid,
  request_id: nullable(uuid),
  property_id: uuid,
  unit_id: nullable(uuid),
  vendor_id: uuid,
  category: oneOf(CATEGORIES),
  priority: oneOf(PRIORITIES),
  title: Type.String(),
  instructions: Type.String(),
  access_details: Type.Optional(nullable(Type.String())),
  window_start: nullable(timestamp),
  window_end: nullable(timestamp),
  not_to_exceed_minor: nullable(Type.Integer()),
  currency: Type.String(),
  status: oneOf(WORK_ORDER_STATUSES),
  vendor_notes: nullable(Type.String()),
  labor_minutes: nullable(Type.Integer()),
  labor_cost_minor: nullable(Type.Integer()),
  materials: nullable(Type.Array(Type.Object({ description: Type.String(), cost_minor: Type.Integer() }))),
  invoice_amount_minor: nullable(Type.Integer()),
  cost_approval: nullable(Type.Union([Type.Literal('approved'), Type.Literal('pending')])),
  cost_approved_at: nullable(timestamp),
  completed_at: nullable(timestamp),
  created_at: timestamp,
  updated_at: timestamp,
});

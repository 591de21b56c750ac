import type { AvroSchemaJson } from '@portfolioos/events';

// The example's event schema lives here only so that a freshly generated service builds and passes its
// tests on its own. A real service declares its events in schemas/avro/<domain>/ and schemas/catalog.json
// (`npm run schemas:generate`, `npm run schemas:register`) and publishes through catalogRegistry(), as
// listings/src/outbox.ts does; then delete this file.

export const NOTE_RECORDED = 'portfolioos.leasing.NoteRecorded' as const;

/** A note was recorded for an organization. */
export interface NoteRecorded {
  note_id: string;
  organization_id: string;
  occurred_at: number;
  title: string;
}

/** Payload type by event type, as @portfolioos/schemas generates it for catalogued events. */
export interface LeasingEvents {
  [NOTE_RECORDED]: NoteRecorded;
}

const uuid = { type: 'string', logicalType: 'uuid' } as const;

export const noteRecordedSchema: AvroSchemaJson = {
  type: 'record',
  name: 'NoteRecorded',
  namespace: 'portfolioos.leasing',
  doc: 'A note was recorded for an organization.',
  fields: [
    { name: 'note_id', type: uuid, doc: 'The note.' },
    { name: 'organization_id', type: uuid, doc: 'Organization the note belongs to.' },
    {
      name: 'occurred_at',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When the note was recorded, UTC epoch milliseconds.',
    },
    { name: 'title', type: 'string', doc: 'The note title.' },
  ],
};

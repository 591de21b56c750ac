export type {
  AvroArraySchema,
  AvroEnumSchema,
  AvroField,
  AvroLogicalSchema,
  AvroMapSchema,
  AvroPrimitiveName,
  AvroRecordSchema,
  AvroSchema,
} from './avro-schema.js';
export { serviceNames } from './catalog-types.js';
export type { CleanupPolicy, EventCatalog, ServiceName, TopicSpec } from './catalog-types.js';
export { avroDateToIsoDate, isoDateToAvroDate } from './logical-types.js';
export type { AvroDate, TimestampMillis, Uuid } from './logical-types.js';
export { subjectName } from './subjects.js';
export { catalog } from './generated/catalog.js';
export { eventSchemas } from './generated/event-schemas.js';
export { eventTopics, eventTypes } from './generated/event-map.js';
export type { EventPayloads, EventType, EventTypeOnTopic, TopicName } from './generated/event-map.js';
export type * from './generated/types.js';
export { eventSubject } from './event-subject.js';
export { catalogRegistry } from './catalog-registry.js';

import type { EventCatalog } from '../src/catalog-types.js';
import type { EventSchemaFile } from './load-schemas.js';

const quote = (value: string): string => `'${value}'`;

function simpleName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

/** Renders `generated/event-map.ts`: EventPayloads, EventType, TopicName, eventTypes, eventTopics. */
export function renderEventMapModule(catalog: EventCatalog): string {
  const entries = Object.entries(catalog.topics).flatMap(([topic, spec]) =>
    spec.events.map((eventType) => ({ topic, eventType })),
  );
  const payloads = entries.map(({ eventType }) => `  ${quote(eventType)}: Events.${simpleName(eventType)};`);
  const topics = entries.map(({ eventType, topic }) => `  ${quote(eventType)}: ${quote(topic)},`);
  return [
    "import type * as Events from './types.js';",
    '',
    '/** Payload type of every event type, by Avro full name. */',
    `export interface EventPayloads {\n${payloads.join('\n')}\n}`,
    '',
    '/** Avro full name of an event type, e.g. `portfolioos.leasing.LeaseSigned`. */',
    'export type EventType = keyof EventPayloads;',
    '',
    '/** Every topic of the catalog. */',
    `export type TopicName = ${Object.keys(catalog.topics).map(quote).join(' | ')};`,
    '',
    '/** Every event type, in catalog order. */',
    `export const eventTypes: readonly EventType[] = [\n${entries.map(({ eventType }) => `  ${quote(eventType)},`).join('\n')}\n];`,
    '',
    '/** The topic each event type is published on. */',
    `export const eventTopics = {\n${topics.join('\n')}\n} as const satisfies Record<EventType, TopicName>;`,
    '',
    '/** Event types published on topic T. */',
    'export type EventTypeOnTopic<T extends TopicName> = {',
    '  [E in EventType]: (typeof eventTopics)[E] extends T ? E : never;',
    '}[EventType];',
    '',
  ].join('\n');
}

/** Renders `generated/event-schemas.ts`: the Avro schema JSON of every event type. */
export function renderEventSchemasModule(schemas: readonly EventSchemaFile[]): string {
  const entries = schemas.map((file) => `  ${quote(file.fullName)}: ${JSON.stringify(file.schema)},`);
  return [
    "import type { AvroRecordSchema } from '../avro-schema.js';",
    "import type { EventType } from './event-map.js';",
    '',
    '/** Avro schema (as in avro/<domain>/<Name>.avsc) of every event type, by full name. */',
    `export const eventSchemas: { readonly [E in EventType]: AvroRecordSchema } = {\n${entries.join('\n')}\n};`,
    '',
  ].join('\n');
}

/** Renders `generated/catalog.ts`: catalog.json as a typed constant. */
export function renderCatalogModule(catalog: EventCatalog): string {
  return [
    "import type { EventCatalog } from '../catalog-types.js';",
    '',
    '/** The event catalog (catalog.json): topics with key, partitions, retention, producer, consumers, events. */',
    `export const catalog = ${JSON.stringify(catalog, null, 2)} as const satisfies EventCatalog;`,
    '',
  ].join('\n');
}
